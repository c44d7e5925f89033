import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { collectionGroups, collections, collectionUsers, groups, groupUsers, organizationUsers } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import {
  addedGrants,
  type CollectionGrant,
  firstGrantBeyond,
  GRANT_REFUSALS,
  type Grantor,
  holdsEverything,
} from "@/lib/authz/grant-rule";
import { assertScope, type OrganizationScope } from "@/lib/authz/scope-brand";
import { ACCESS_LEVELS, type AccessLevel, accessLevelOf } from "@/lib/vault/access-levels";
import { includesProviderMembers } from "./provider-members";

/**
 * Writes who reaches what inside one organization: members' and groups' access to collections, and group
 * membership. Each "replace" sets the whole list at once (what the dialogs edit). Every write of a grant goes through
 * here and is held to the grant rule (lib/authz/grant-rule.ts) for the caller first: new or raised grants must be
 * within the caller's own reach. Ids are checked to belong to the organization, for a clear message; the composite
 * foreign keys of the schema are the last guard.
 */

type Table = typeof collections | typeof groups | typeof organizationUsers;
type Flags = { collectionId: string; readOnly: boolean; hidePasswords: boolean; manage: boolean };

async function assertAllIn(
  tx: Executor,
  table: Table,
  organizationId: string,
  ids: string[],
  what: string,
): Promise<void> {
  if (ids.length === 0) return;
  const [row] = await tx
    .select({ n: count() })
    .from(table)
    .where(and(eq(table.organizationId, organizationId), inArray(table.id, ids)));
  if ((row?.n ?? 0) !== new Set(ids).size)
    throw new ActionError(`Some of these ${what} do not exist in this organization. Reload the page.`);
}

const assertCollectionsIn = (tx: Executor, organizationId: string, ids: string[]) =>
  assertAllIn(tx, collections, organizationId, ids, "collections");
const assertGroupsIn = (tx: Executor, organizationId: string, ids: string[]) =>
  assertAllIn(tx, groups, organizationId, ids, "groups");
const assertMembersIn = (tx: Executor, organizationId: string, ids: string[]) =>
  assertAllIn(tx, organizationUsers, organizationId, ids, "members");

const grantOf = (row: Flags): CollectionGrant => ({ collectionId: row.collectionId, level: accessLevelOf(row) });
const flagColumns = (table: typeof collectionUsers | typeof collectionGroups) => ({
  collectionId: table.collectionId,
  readOnly: table.readOnly,
  hidePasswords: table.hidePasswords,
  manage: table.manage,
});

/** Several grants on one collection combine to the most permissive, as the vault combines them (lib/dal/vault-access.ts). */
function combine(rows: Flags[]): Map<string, AccessLevel> {
  const merged = new Map<string, Omit<Flags, "collectionId">>();
  for (const row of rows) {
    const seen = merged.get(row.collectionId);
    merged.set(
      row.collectionId,
      seen
        ? {
            readOnly: seen.readOnly && row.readOnly,
            hidePasswords: seen.hidePasswords && row.hidePasswords,
            manage: seen.manage || row.manage,
          }
        : row,
    );
  }
  return new Map([...merged].map(([collectionId, flags]) => [collectionId, accessLevelOf(flags)]));
}

/**
 * What the caller holds, for the grant rule: provider members act as owners; Custom members (and users) hold the
 * flags of their role and the collections they reach directly or through their groups.
 */
export async function loadGrantor(tx: Executor, scope: OrganizationScope): Promise<Grantor> {
  const { organizationId, access } = assertScope(scope);
  if (access.via === "provider") return { role: "owner", viaProviderId: access.providerId };
  if (access.role === "owner" || access.role === "admin") return { role: access.role };
  const memberId = access.organizationUserId;
  const direct = await tx
    .select(flagColumns(collectionUsers))
    .from(collectionUsers)
    .where(and(eq(collectionUsers.organizationId, organizationId), eq(collectionUsers.organizationUserId, memberId)));
  const throughGroups = await tx
    .select(flagColumns(collectionGroups))
    .from(groupUsers)
    .innerJoin(
      collectionGroups,
      and(
        eq(collectionGroups.groupId, groupUsers.groupId),
        eq(collectionGroups.organizationId, groupUsers.organizationId),
      ),
    )
    .where(and(eq(groupUsers.organizationId, organizationId), eq(groupUsers.organizationUserId, memberId)));
  return { role: access.role, flags: access.flags, reach: combine([...direct, ...throughGroups]) };
}

/** A grantor who also holds "Can manage" on a collection they just created (Bitwarden gives its creator that much). */
export function withCreatedCollection(grantor: Grantor, collectionId: string): Grantor {
  if (holdsEverything(grantor)) return grantor;
  return { ...grantor, reach: new Map([...grantor.reach, [collectionId, "manage"]]) };
}

/**
 * Acting through the provider, nobody gives a member of that provider (themselves included) anything in a client:
 * `memberIds` are the memberships a change gives new or more access to.
 */
async function assertNoProviderBeneficiaries(
  tx: Executor,
  grantor: Grantor,
  organizationId: string,
  memberIds: string[],
): Promise<void> {
  if (!("viaProviderId" in grantor) || !grantor.viaProviderId || memberIds.length === 0) return;
  const members = await tx
    .select({ email: organizationUsers.email, userId: organizationUsers.userId })
    .from(organizationUsers)
    .where(and(eq(organizationUsers.organizationId, organizationId), inArray(organizationUsers.id, memberIds)));
  const targets = { emails: members.map((member) => member.email), userIds: members.map((member) => member.userId) };
  if (await includesProviderMembers(tx, grantor.viaProviderId, targets))
    throw new ActionError(GRANT_REFUSALS.providerMember);
}

async function groupMemberIds(tx: Executor, organizationId: string, groupIds: string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const rows = await tx
    .select({ memberId: groupUsers.organizationUserId })
    .from(groupUsers)
    .where(and(eq(groupUsers.organizationId, organizationId), inArray(groupUsers.groupId, groupIds)));
  return rows.map((row) => row.memberId);
}

function assertWithinReach(
  grantor: Grantor,
  grants: CollectionGrant[],
  refusal: string = GRANT_REFUSALS.collection,
): void {
  if (firstGrantBeyond(grantor, grants)) throw new ActionError(refusal);
}

async function groupsGrants(tx: Executor, organizationId: string, groupIds: string[]): Promise<CollectionGrant[]> {
  if (groupIds.length === 0) return [];
  const rows = await tx
    .select(flagColumns(collectionGroups))
    .from(collectionGroups)
    .where(and(eq(collectionGroups.organizationId, organizationId), inArray(collectionGroups.groupId, groupIds)));
  return rows.map(grantOf);
}

export async function replaceMemberCollections(
  tx: Executor,
  scope: OrganizationScope,
  grantor: Grantor,
  memberId: string,
  grants: CollectionGrant[],
): Promise<void> {
  const { organizationId } = assertScope(scope);
  await assertCollectionsIn(
    tx,
    organizationId,
    grants.map((grant) => grant.collectionId),
  );
  const condition = and(
    eq(collectionUsers.organizationId, organizationId),
    eq(collectionUsers.organizationUserId, memberId),
  );
  const previous = (await tx.select(flagColumns(collectionUsers)).from(collectionUsers).where(condition)).map(grantOf);
  const added = addedGrants(previous, grants);
  assertWithinReach(grantor, added);
  if (added.length > 0) await assertNoProviderBeneficiaries(tx, grantor, organizationId, [memberId]);
  await tx.delete(collectionUsers).where(condition);
  if (grants.length === 0) return;
  await tx.insert(collectionUsers).values(
    grants.map((grant) => ({
      organizationId,
      organizationUserId: memberId,
      collectionId: grant.collectionId,
      ...ACCESS_LEVELS[grant.level],
    })),
  );
}

/** Joining a group gives its collection access: joining one that reaches beyond the caller's own access is refused. */
export async function replaceMemberGroups(
  tx: Executor,
  scope: OrganizationScope,
  grantor: Grantor,
  memberId: string,
  groupIds: string[],
): Promise<void> {
  const { organizationId } = assertScope(scope);
  await assertGroupsIn(tx, organizationId, groupIds);
  const condition = and(eq(groupUsers.organizationId, organizationId), eq(groupUsers.organizationUserId, memberId));
  const previous = new Set(
    (await tx.select({ groupId: groupUsers.groupId }).from(groupUsers).where(condition)).map((row) => row.groupId),
  );
  const joined = groupIds.filter((groupId) => !previous.has(groupId));
  assertWithinReach(grantor, await groupsGrants(tx, organizationId, joined), GRANT_REFUSALS.group);
  if (joined.length > 0) await assertNoProviderBeneficiaries(tx, grantor, organizationId, [memberId]);
  await tx.delete(groupUsers).where(condition);
  if (groupIds.length === 0) return;
  await tx
    .insert(groupUsers)
    .values(groupIds.map((groupId) => ({ organizationId, groupId, organizationUserId: memberId })));
}

export async function replaceGroupMembers(
  tx: Executor,
  scope: OrganizationScope,
  grantor: Grantor,
  groupId: string,
  memberIds: string[],
): Promise<void> {
  const { organizationId } = assertScope(scope);
  await assertMembersIn(tx, organizationId, memberIds);
  const condition = and(eq(groupUsers.organizationId, organizationId), eq(groupUsers.groupId, groupId));
  const previous = new Set(
    (await tx.select({ memberId: groupUsers.organizationUserId }).from(groupUsers).where(condition)).map(
      (row) => row.memberId,
    ),
  );
  const joined = memberIds.filter((memberId) => !previous.has(memberId));
  if (joined.length > 0) {
    assertWithinReach(grantor, await groupsGrants(tx, organizationId, [groupId]), GRANT_REFUSALS.group);
    await assertNoProviderBeneficiaries(tx, grantor, organizationId, joined);
  }
  await tx.delete(groupUsers).where(condition);
  if (memberIds.length === 0) return;
  await tx
    .insert(groupUsers)
    .values(memberIds.map((organizationUserId) => ({ organizationId, groupId, organizationUserId })));
}

export async function replaceGroupCollections(
  tx: Executor,
  scope: OrganizationScope,
  grantor: Grantor,
  groupId: string,
  grants: CollectionGrant[],
): Promise<void> {
  const { organizationId } = assertScope(scope);
  await assertCollectionsIn(
    tx,
    organizationId,
    grants.map((grant) => grant.collectionId),
  );
  const added = addedGrants(await groupsGrants(tx, organizationId, [groupId]), grants);
  assertWithinReach(grantor, added);
  if (added.length > 0)
    await assertNoProviderBeneficiaries(
      tx,
      grantor,
      organizationId,
      await groupMemberIds(tx, organizationId, [groupId]),
    );
  await tx
    .delete(collectionGroups)
    .where(and(eq(collectionGroups.organizationId, organizationId), eq(collectionGroups.groupId, groupId)));
  if (grants.length === 0) return;
  await tx.insert(collectionGroups).values(
    grants.map((grant) => ({
      organizationId,
      groupId,
      collectionId: grant.collectionId,
      ...ACCESS_LEVELS[grant.level],
    })),
  );
}

type AccessList = { members: { id: string; level: AccessLevel }[]; groups: { id: string; level: AccessLevel }[] };

/** The members or groups of `next` given new or more access against the rows of `previous`. */
function raisedOnCollection(
  collectionId: string,
  previous: { id: string; flags: Flags }[],
  next: { id: string; level: AccessLevel }[],
) {
  const before = new Map(previous.map((row) => [row.id, [grantOf(row.flags)]]));
  return next.filter(
    (entry) => addedGrants(before.get(entry.id) ?? [], [{ collectionId, level: entry.level }]).length > 0,
  );
}

/** A collection's whole access list, from the collection's side (its dialog lists members and groups). */
export async function replaceCollectionAccess(
  tx: Executor,
  scope: OrganizationScope,
  grantor: Grantor,
  collectionId: string,
  access: AccessList,
): Promise<void> {
  const { organizationId } = assertScope(scope);
  await assertMembersIn(
    tx,
    organizationId,
    access.members.map((member) => member.id),
  );
  await assertGroupsIn(
    tx,
    organizationId,
    access.groups.map((group) => group.id),
  );
  const memberCondition = and(
    eq(collectionUsers.organizationId, organizationId),
    eq(collectionUsers.collectionId, collectionId),
  );
  const groupCondition = and(
    eq(collectionGroups.organizationId, organizationId),
    eq(collectionGroups.collectionId, collectionId),
  );
  const previousMembers = await tx
    .select({ id: collectionUsers.organizationUserId, flags: flagColumns(collectionUsers) })
    .from(collectionUsers)
    .where(memberCondition);
  const previousGroups = await tx
    .select({ id: collectionGroups.groupId, flags: flagColumns(collectionGroups) })
    .from(collectionGroups)
    .where(groupCondition);
  const raisedMembers = raisedOnCollection(collectionId, previousMembers, access.members);
  const raisedGroups = raisedOnCollection(collectionId, previousGroups, access.groups);
  assertWithinReach(
    grantor,
    [...raisedMembers, ...raisedGroups].map((entry) => ({ collectionId, level: entry.level })),
  );
  const beneficiaries = [
    ...raisedMembers.map((member) => member.id),
    ...(await groupMemberIds(
      tx,
      organizationId,
      raisedGroups.map((group) => group.id),
    )),
  ];
  await assertNoProviderBeneficiaries(tx, grantor, organizationId, beneficiaries);
  await tx.delete(collectionUsers).where(memberCondition);
  await tx.delete(collectionGroups).where(groupCondition);
  if (access.members.length > 0) {
    await tx.insert(collectionUsers).values(
      access.members.map((member) => ({
        organizationId,
        collectionId,
        organizationUserId: member.id,
        ...ACCESS_LEVELS[member.level],
      })),
    );
  }
  if (access.groups.length > 0) {
    await tx.insert(collectionGroups).values(
      access.groups.map((group) => ({
        organizationId,
        collectionId,
        groupId: group.id,
        ...ACCESS_LEVELS[group.level],
      })),
    );
  }
}
