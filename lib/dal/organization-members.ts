import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  type CustomPermissions,
  organizations,
  organizationUsers,
  providerOrganizations,
  providers,
} from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import {
  flagsBeyondGrantor,
  GRANT_REFUSALS,
  type Grantor,
  grantorRole,
  mayGrantRole,
  mayManageMember,
  roleRefusal,
} from "@/lib/authz/grant-rule";
import { assertScope, type OrganizationScope, type UserScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import { type OrganizationRole, ORGANIZATION_ROLES } from "@/lib/enums";
import type { MemberAccessInput } from "@/lib/validation/organization-members";
import { loadGrantor, replaceMemberCollections, replaceMemberGroups } from "./access-grants";
import {
  acceptRow,
  assertAccepted,
  assertNotMembersYet,
  confirmRows,
  countConfirmedInRole,
  deleteRows,
  emailsOfConfirmedInRole,
  inviteRows,
  listMembersPage,
  lockRows,
  type MemberListing,
  ORGANIZATION_MEMBERSHIPS,
  PROVIDER_MEMBERSHIPS,
  reissueInvitation,
} from "./membership";
import { includesProviderMembers, type ProviderMemberTargets } from "./provider-members";
import { assertSingleOrganizationAllowsRestore } from "./policies";
import { countSeatsInUse } from "./seats";
import { assertRestoredMembersHaveTwoStepLogin } from "./two-step-login-policy";

/**
 * Accepting binds the invited row to the caller's account; the row is named by the invitation, never by the client.
 * Answers the organization's name too, for the message that says whom the person joined, and for a client the
 * provider's confirmed admins, who are told that someone waits for confirmation.
 */
export async function acceptOrganizationInvitation(tx: Executor, scope: UserScope, organizationUserId: string) {
  const { tenantId: organizationId, ...member } = await acceptRow(
    tx,
    ORGANIZATION_MEMBERSHIPS,
    scope,
    organizationUserId,
  );
  const names = await namesOf(tx, organizationId);
  const providerAdminEmails = names.providerId
    ? await emailsOfConfirmedInRole(tx, PROVIDER_MEMBERSHIPS, names.providerId, "provider_admin")
    : [];
  return {
    ...member,
    organizationId,
    organizationName: names.name,
    providerName: names.providerName,
    providerAdminEmails,
  };
}

/** Name of the organization and of the provider that manages it, if any (mail texts, messages). */
export async function organizationNames(executor: Executor, scope: OrganizationScope) {
  const { name, providerName } = await namesOf(executor, assertScope(scope).organizationId);
  return { name, providerName };
}

async function namesOf(executor: Executor, organizationId: string) {
  const [row] = await executor
    .select({ name: organizations.name, providerId: providers.id, providerName: providers.name })
    .from(organizations)
    .leftJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
    .leftJoin(providers, eq(providers.id, providerOrganizations.providerId))
    .where(eq(organizations.id, organizationId));
  return {
    name: row?.name ?? "the organization",
    providerId: row?.providerId ?? null,
    providerName: row?.providerName ?? null,
  };
}

export type OrganizationMemberFilter = "all" | "invited" | "accepted" | "revoked";

export type OrganizationMember = MemberListing<typeof ORGANIZATION_MEMBERSHIPS>;

export { MEMBERS_PAGE_SIZE } from "./membership";

/** One page of members and the counts behind the filter tabs: two queries whatever the size of the organization. */
export async function listOrganizationMembers(
  scope: OrganizationScope,
  filter: OrganizationMemberFilter,
  page: number,
) {
  const { organizationId } = assertScope(scope);
  const counts = { all: 0, invited: 0, accepted: 0, confirmed: 0, revoked: 0 };
  return listMembersPage(ORGANIZATION_MEMBERSHIPS, organizationId, filter, page, counts);
}

/**
 * Locks the organization row: serialises seat use (invites) and the "one confirmed owner" rule, and answers what
 * messages need (name, seats, the managing provider's name or null).
 */
export async function lockOrganization(tx: Executor, scope: OrganizationScope) {
  const { organizationId } = assertScope(scope);
  const [organization] = await tx
    .select({ name: organizations.name, seats: organizations.seats })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("update");
  if (!organization) throw new ActionError("This organization no longer exists.");
  const [link] = await tx
    .select({ providerName: providers.name })
    .from(providerOrganizations)
    .innerJoin(providers, eq(providers.id, providerOrganizations.providerId))
    .where(eq(providerOrganizations.organizationId, organizationId));
  return { ...organization, provider: link?.providerName ?? null };
}

export const PROVIDER_SEAT_LIMIT_MESSAGE =
  "Seat limit has been reached. Please contact your provider to add more seats.";

export function seatLimitMessage(managedByProvider: boolean, free: number): string {
  if (managedByProvider) return PROVIDER_SEAT_LIMIT_MESSAGE;
  return free === 0
    ? "Your organization has no seats left. Add seats in the organization's subscription settings first."
    : `Your organization has only ${free} seat${free === 1 ? "" : "s"} left.`;
}

/** The roles the caller may give (the invite and edit dialogs offer only these). */
export function grantableRoles(scope: OrganizationScope): OrganizationRole[] {
  const role = grantorRole(assertScope(scope).access);
  return ORGANIZATION_ROLES.filter((candidate) => mayGrantRole(role, candidate));
}

/** The Custom flags the caller may give: their own when they are a Custom member, every flag (null) otherwise. */
export function grantableFlags(scope: OrganizationScope): CustomPermissions | null {
  const { access } = assertScope(scope);
  return access.via === "member" && access.role === "custom" ? access.flags : null;
}

/** The stored form of a role's custom flags: only Custom members keep them. */
function permissionsFor(access: MemberAccessInput): CustomPermissions | null {
  return access.type === "custom" ? (access.permissions ?? null) : null;
}

/** The role and flags to give must be the caller's to give (the grant rule). */
function assertMayGrantRoleAndFlags(grantor: Grantor, access: MemberAccessInput): void {
  if (!mayGrantRole(grantor.role, access.type)) throw new ActionError(roleRefusal(grantor.role));
  const beyond = flagsBeyondGrantor(grantor, permissionsFor(access));
  if (beyond.length > 0) throw new ActionError(GRANT_REFUSALS.flags(beyond));
}

/** Sets a member's collections and groups (the invite and edit dialogs send the whole lists). */
async function replaceMemberAccess(
  tx: Executor,
  scope: OrganizationScope,
  grantor: Grantor,
  memberId: string,
  access: MemberAccessInput,
): Promise<void> {
  await replaceMemberCollections(tx, scope, grantor, memberId, access.collections);
  await replaceMemberGroups(tx, scope, grantor, memberId, access.groupIds);
}

/**
 * Provider members stay providers (DESIGN §11): acting through the provider, nobody invites, confirms, restores or
 * raises a member of the managing provider (themselves included) in a client.
 */
async function assertNoProviderMembers(
  tx: Executor,
  scope: OrganizationScope,
  targets: ProviderMemberTargets,
): Promise<void> {
  const { access } = assertScope(scope);
  if (access.via === "provider" && (await includesProviderMembers(tx, access.providerId, targets))) {
    throw new ActionError(GRANT_REFUSALS.providerMember);
  }
}

export async function inviteOrganizationMembers(
  tx: Executor,
  scope: OrganizationScope,
  emails: string[],
  access: MemberAccessInput,
) {
  const { organizationId } = assertScope(scope);
  const type = access.type;
  const grantor = await loadGrantor(tx, scope);
  assertMayGrantRoleAndFlags(grantor, access);
  await assertNoProviderMembers(tx, scope, { emails });
  const organization = await lockOrganization(tx, scope);
  await assertNotMembersYet(tx, ORGANIZATION_MEMBERSHIPS, organizationId, emails);
  const free = organization.seats - (await countSeatsInUse(tx, scope));
  if (emails.length > free) {
    const message = seatLimitMessage(organization.provider !== null, Math.max(0, free));
    throw new ActionError(message, { emails: message });
  }
  const created = await tx
    .insert(organizationUsers)
    .values(
      emails.map((email) => ({
        organizationId,
        email,
        type,
        permissions: permissionsFor(access),
        status: "invited" as const,
      })),
    )
    .returning({ id: organizationUsers.id, email: organizationUsers.email });
  for (const member of created) await replaceMemberAccess(tx, scope, grantor, member.id, access);
  return { organization, invited: await inviteRows(tx, ORGANIZATION_MEMBERSHIPS, created) };
}

/** Rows of this organization among `ids`, locked; unknown or foreign ids are refused. */
export async function lockOrganizationMembers(tx: Executor, scope: OrganizationScope, ids: string[]) {
  const { organizationId } = assertScope(scope);
  const rows = await lockRows(tx, ORGANIZATION_MEMBERSHIPS, organizationId, ids);
  const role = grantorRole(scope.access);
  if (rows.some((row) => !mayManageMember(role, row.type))) throw new ActionError(roleRefusal(role));
  return rows;
}

/** Sends a pending invitation again, as a new link: the member must still be one the caller manages. */
export async function reinviteOrganizationMember(tx: Executor, scope: OrganizationScope, memberId: string) {
  const [member] = await lockOrganizationMembers(tx, scope, [memberId]);
  return { member: member!, token: await reissueInvitation(tx, ORGANIZATION_MEMBERSHIPS, member!) };
}

/** Confirming hands a member the organization key: nobody confirms themselves, nor (through the provider) a provider member. */
export async function confirmOrganizationMembers(
  tx: Executor,
  scope: OrganizationScope,
  confirmations: { id: string; key: EncString }[],
) {
  const { organizationId } = assertScope(scope);
  const rows = await lockOrganizationMembers(
    tx,
    scope,
    confirmations.map((confirmation) => confirmation.id),
  );
  if (rows.some((row) => row.userId === scope.userId)) throw new ActionError(GRANT_REFUSALS.confirmSelf);
  assertAccepted(rows);
  await assertNoProviderMembers(tx, scope, {
    emails: rows.map((row) => row.email),
    userIds: rows.map((row) => row.userId),
  });
  await confirmRows(tx, ORGANIZATION_MEMBERSHIPS, organizationId, confirmations);
  return rows;
}

/** The confirmed owners' addresses: a client's owners are told of what its provider changes. */
export async function confirmedOwnerEmails(tx: Executor, scope: OrganizationScope): Promise<string[]> {
  const { organizationId } = assertScope(scope);
  return emailsOfConfirmedInRole(tx, ORGANIZATION_MEMBERSHIPS, organizationId, "owner");
}

/** Confirmed owners left if these members went away. */
export async function remainingConfirmedOwners(
  tx: Executor,
  scope: OrganizationScope,
  excluding: string[],
): Promise<number> {
  const { organizationId } = assertScope(scope);
  return countConfirmedInRole(tx, ORGANIZATION_MEMBERSHIPS, organizationId, "owner", excluding);
}

/** Removes members; their invitation links stop working. */
export async function deleteOrganizationMembers(tx: Executor, scope: OrganizationScope, ids: string[]): Promise<void> {
  await deleteRows(tx, ORGANIZATION_MEMBERSHIPS, assertScope(scope).organizationId, ids);
}

/**
 * Changes a member's role and access, within the grant rule: the caller manages the member's present role and may
 * give the new one, its flags and its access; nobody changes their own role; the last confirmed owner keeps the role.
 */
export async function updateOrganizationMember(
  tx: Executor,
  scope: OrganizationScope,
  memberId: string,
  access: MemberAccessInput,
) {
  const { organizationId } = assertScope(scope);
  await lockOrganization(tx, scope);
  const [member] = await lockOrganizationMembers(tx, scope, [memberId]);
  const grantor = await loadGrantor(tx, scope);
  assertMayGrantRoleAndFlags(grantor, access);
  if (member!.userId === scope.userId && member!.type !== access.type) throw new ActionError(GRANT_REFUSALS.changeSelf);
  await assertNoProviderMembers(tx, scope, { emails: [member!.email], userIds: [member!.userId] });
  const demotesConfirmedOwner = member!.type === "owner" && member!.status === "confirmed" && access.type !== "owner";
  if (demotesConfirmedOwner && (await remainingConfirmedOwners(tx, scope, [memberId])) === 0) {
    throw new ActionError("An organization needs at least one confirmed owner.");
  }
  await tx
    .update(organizationUsers)
    .set({ type: access.type, permissions: permissionsFor(access) })
    .where(and(eq(organizationUsers.organizationId, organizationId), eq(organizationUsers.id, memberId)));
  await replaceMemberAccess(tx, scope, grantor, memberId, access);
  return member!;
}

/** Revoked members keep their row and access settings but lose access and free their seat. */
export async function revokeOrganizationMembers(tx: Executor, scope: OrganizationScope, memberIds: string[]) {
  const { organizationId } = assertScope(scope);
  await lockOrganization(tx, scope);
  const members = await lockOrganizationMembers(tx, scope, memberIds);
  if (members.some((member) => member.userId === scope.userId)) throw new ActionError("You cannot revoke yourself.");
  if (members.some((member) => member.status === "revoked"))
    throw new ActionError("Some of these members are already revoked.");
  const revokesConfirmedOwner = members.some((member) => member.type === "owner" && member.status === "confirmed");
  if (revokesConfirmedOwner && (await remainingConfirmedOwners(tx, scope, memberIds)) === 0) {
    throw new ActionError("An organization needs at least one confirmed owner.");
  }
  await tx
    .update(organizationUsers)
    .set({ status: "revoked" })
    .where(and(eq(organizationUsers.organizationId, organizationId), inArray(organizationUsers.id, memberIds)));
  return members;
}

/**
 * Restores revoked members to where they were: confirmed if they hold the key, accepted if they have an account,
 * invited otherwise. Each takes a seat again, so the organization's seats must allow it.
 */
export async function restoreOrganizationMembers(tx: Executor, scope: OrganizationScope, memberIds: string[]) {
  const { organizationId } = assertScope(scope);
  const organization = await lockOrganization(tx, scope);
  const members = await lockOrganizationMembers(tx, scope, memberIds);
  if (members.some((member) => member.status !== "revoked"))
    throw new ActionError("Only revoked members can be restored.");
  await assertNoProviderMembers(tx, scope, {
    emails: members.map((member) => member.email),
    userIds: members.map((member) => member.userId),
  });
  const free = organization.seats - (await countSeatsInUse(tx, scope));
  if (members.length > free) throw new ActionError(seatLimitMessage(organization.provider !== null, Math.max(0, free)));
  await tx
    .update(organizationUsers)
    .set({
      status: sql`case when ${organizationUsers.key} is not null then 'confirmed'::organization_user_status
        when ${organizationUsers.userId} is not null then 'accepted'::organization_user_status
        else 'invited'::organization_user_status end`,
    })
    .where(and(eq(organizationUsers.organizationId, organizationId), inArray(organizationUsers.id, memberIds)));
  // A restored member must not end up breaching a single organization policy, as when joining. The check reads
  // their role here, so it runs once the rows are restored; a refusal rolls the whole restore back.
  for (const member of members) {
    if (member.userId) await assertSingleOrganizationAllowsRestore(tx, scope, member.userId);
  }
  // Nor a "require two-step login" policy (Bitwarden restores them only once they comply).
  await assertRestoredMembersHaveTwoStepLogin(tx, scope, memberIds);
  return members;
}
