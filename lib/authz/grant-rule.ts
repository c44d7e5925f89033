import "server-only";
import type { CustomPermissions } from "@/db/schema";
import { ACCESS_LEVELS, type AccessLevel } from "@/lib/vault/access-levels";
import type { OrganizationAccess } from "./access-rules";
import type { OrganizationRole } from "@/lib/enums";

/**
 * The grant rule (DESIGN §11): nobody grants a role, a Custom flag, a group membership or collection access beyond
 * what they hold themselves. Pure decisions over what the caller holds (a Grantor, loaded from the database by
 * lib/dal/access-grants.ts) and what they try to grant; the DAL calls them before writing anything.
 *
 * Roles follow Bitwarden: only Owners make or change Owners; Custom members manage neither Admins nor Owners, and
 * give only the flags they hold. Beyond Bitwarden, a Custom member gives collection access (directly, through a
 * group, or by adding someone to a group) only up to their own access to that collection: the "manage users",
 * "manage groups" and "edit any collection" flags let them pass on what they reach, not what they do not. Granting
 * yourself something within your own reach raises nothing, so the same bound forbids raising your own rights.
 * Provider members act as Owners here, except towards provider members (lib/dal/organization-members.ts): acting
 * through the provider, nobody makes themselves or another provider member a member of a client.
 */

type FullGrantor = {
  readonly role: "owner" | "admin";
  /** Set when the caller acts through the organization's managing provider. */
  readonly viaProviderId?: string;
};
type BoundedGrantor = {
  readonly role: "custom" | "user";
  readonly flags: CustomPermissions | null;
  /** The caller's own access to each collection they reach (directly or through groups). */
  readonly reach: ReadonlyMap<string, AccessLevel>;
};
export type Grantor = FullGrantor | BoundedGrantor;

type GrantorRole = Grantor["role"];

/** Owners and admins (and provider members, as owners) hold every collection at "Can manage" and every flag. */
export function holdsEverything(grantor: Grantor): grantor is FullGrantor {
  return grantor.role === "owner" || grantor.role === "admin";
}

/** The role the caller acts with in an organization: provider members act as its owners. */
export function grantorRole(access: OrganizationAccess): GrantorRole {
  return access.via === "provider" ? "owner" : access.role;
}

const ROLE_RANK: Record<OrganizationRole, number> = { user: 0, custom: 0, admin: 1, owner: 2 };

/** A level grants nothing the other does not: edit, see passwords and manage each only if the other allows it. */
export function levelWithin(level: AccessLevel, bound: AccessLevel | undefined): boolean {
  if (!bound) return false;
  const granted = ACCESS_LEVELS[level];
  const held = ACCESS_LEVELS[bound];
  return (
    (granted.readOnly || !held.readOnly) &&
    (granted.hidePasswords || !held.hidePasswords) &&
    (!granted.manage || held.manage)
  );
}

/** Whether the grantor may give this role (to a new or an existing member). */
export function mayGrantRole(grantor: GrantorRole, role: OrganizationRole): boolean {
  if (grantor === "owner") return true;
  if (grantor === "admin") return role !== "owner";
  return ROLE_RANK[role] === 0;
}

/** Whether the grantor may change, confirm, revoke, restore or remove a member who has this role. */
export function mayManageMember(grantor: GrantorRole, memberRole: OrganizationRole): boolean {
  return mayGrantRole(grantor, memberRole);
}

/** Custom flags the grantor does not hold themselves, by name (empty when every flag given is held). */
export function flagsBeyondGrantor(grantor: Grantor, flags: CustomPermissions | null): string[] {
  if (holdsEverything(grantor) || !flags) return [];
  return (Object.keys(flags) as (keyof CustomPermissions)[]).filter((flag) => flags[flag] && !grantor.flags?.[flag]);
}

/** Whether the grantor may give this level on this collection. */
export function mayGrantCollection(grantor: Grantor, collectionId: string, level: AccessLevel): boolean {
  if (holdsEverything(grantor)) return true;
  return levelWithin(level, grantor.reach.get(collectionId));
}

export type CollectionGrant = { collectionId: string; level: AccessLevel };

/**
 * The grants of `next` that are new or raised against `previous` (for one member or group): only these are checked,
 * so editing a list that holds grants beyond the editor's reach (an owner's "Can manage", say) keeps them as they are.
 */
export function addedGrants(previous: readonly CollectionGrant[], next: readonly CollectionGrant[]): CollectionGrant[] {
  const before = new Map(previous.map((grant) => [grant.collectionId, grant.level]));
  return next.filter((grant) => !levelWithin(grant.level, before.get(grant.collectionId)));
}

/** The first grant the grantor may not give, if any. */
export function firstGrantBeyond(grantor: Grantor, grants: readonly CollectionGrant[]): CollectionGrant | undefined {
  return grants.find((grant) => !mayGrantCollection(grantor, grant.collectionId, grant.level));
}

export const GRANT_REFUSALS = {
  ownerRole: "Only owners can make someone an owner or change an owner.",
  adminRole: "Custom members cannot give the Admin or Owner role, or manage admins and owners.",
  flags: (flags: string[]) => `You cannot give permissions you do not hold yourself: ${flags.join(", ")}.`,
  collection: "You cannot give more access to a collection than you have yourself.",
  group: "You cannot add someone to a group that reaches collections beyond your own access.",
  confirmSelf: "You cannot confirm yourself.",
  changeSelf: "You cannot change your own role.",
  providerMember:
    "Acting for the provider, you cannot invite, confirm, restore, change or give access to members of your provider in a client. Ask one of the client's owners.",
} as const;

/** The refusal for a role the grantor may not give or manage. */
export function roleRefusal(grantor: GrantorRole): string {
  return grantor === "admin" ? GRANT_REFUSALS.ownerRole : GRANT_REFUSALS.adminRole;
}
