import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { collectionGroups, collections, collectionUsers, groups, groupUsers, organizationUsers } from "@/db/schema";
import { ActionError } from "@/lib/authz/action";
import { ACCESS_LEVELS, type AccessLevel } from "@/lib/vault/access-levels";

/**
 * Writes who reaches what inside one organization: members' and groups' access to collections, and group
 * membership. Each "replace" sets the whole list at once (what the dialogs edit). Ids are checked to belong to the
 * organization first, for a clear message; the composite foreign keys of the schema are the last guard.
 */

type Grant = { collectionId: string; level: AccessLevel };
type Table = typeof collections | typeof groups | typeof organizationUsers;

async function assertAllIn(tx: Executor, table: Table, organizationId: string, ids: string[], what: string): Promise<void> {
  if (ids.length === 0) return;
  const [row] = await tx.select({ n: count() }).from(table).where(and(eq(table.organizationId, organizationId), inArray(table.id, ids)));
  if ((row?.n ?? 0) !== new Set(ids).size) throw new ActionError(`Some of these ${what} do not exist in this organization. Reload the page.`);
}

export const assertCollectionsIn = (tx: Executor, organizationId: string, ids: string[]) => assertAllIn(tx, collections, organizationId, ids, "collections");
export const assertGroupsIn = (tx: Executor, organizationId: string, ids: string[]) => assertAllIn(tx, groups, organizationId, ids, "groups");
export const assertMembersIn = (tx: Executor, organizationId: string, ids: string[]) => assertAllIn(tx, organizationUsers, organizationId, ids, "members");

export async function replaceMemberCollections(tx: Executor, organizationId: string, memberId: string, grants: Grant[]): Promise<void> {
  await assertCollectionsIn(tx, organizationId, grants.map((grant) => grant.collectionId));
  await tx.delete(collectionUsers).where(and(eq(collectionUsers.organizationId, organizationId), eq(collectionUsers.organizationUserId, memberId)));
  if (grants.length === 0) return;
  await tx
    .insert(collectionUsers)
    .values(grants.map((grant) => ({ organizationId, organizationUserId: memberId, collectionId: grant.collectionId, ...ACCESS_LEVELS[grant.level] })));
}

export async function replaceMemberGroups(tx: Executor, organizationId: string, memberId: string, groupIds: string[]): Promise<void> {
  await assertGroupsIn(tx, organizationId, groupIds);
  await tx.delete(groupUsers).where(and(eq(groupUsers.organizationId, organizationId), eq(groupUsers.organizationUserId, memberId)));
  if (groupIds.length === 0) return;
  await tx.insert(groupUsers).values(groupIds.map((groupId) => ({ organizationId, groupId, organizationUserId: memberId })));
}

export async function replaceGroupMembers(tx: Executor, organizationId: string, groupId: string, memberIds: string[]): Promise<void> {
  await assertMembersIn(tx, organizationId, memberIds);
  await tx.delete(groupUsers).where(and(eq(groupUsers.organizationId, organizationId), eq(groupUsers.groupId, groupId)));
  if (memberIds.length === 0) return;
  await tx.insert(groupUsers).values(memberIds.map((organizationUserId) => ({ organizationId, groupId, organizationUserId })));
}

export async function replaceGroupCollections(tx: Executor, organizationId: string, groupId: string, grants: Grant[]): Promise<void> {
  await assertCollectionsIn(tx, organizationId, grants.map((grant) => grant.collectionId));
  await tx.delete(collectionGroups).where(and(eq(collectionGroups.organizationId, organizationId), eq(collectionGroups.groupId, groupId)));
  if (grants.length === 0) return;
  await tx
    .insert(collectionGroups)
    .values(grants.map((grant) => ({ organizationId, groupId, collectionId: grant.collectionId, ...ACCESS_LEVELS[grant.level] })));
}

/** A collection's whole access list, from the collection's side (its dialog lists members and groups). */
export async function replaceCollectionAccess(
  tx: Executor,
  organizationId: string,
  collectionId: string,
  access: { members: { id: string; level: AccessLevel }[]; groups: { id: string; level: AccessLevel }[] },
): Promise<void> {
  await assertMembersIn(tx, organizationId, access.members.map((member) => member.id));
  await assertGroupsIn(tx, organizationId, access.groups.map((group) => group.id));
  await tx.delete(collectionUsers).where(and(eq(collectionUsers.organizationId, organizationId), eq(collectionUsers.collectionId, collectionId)));
  await tx.delete(collectionGroups).where(and(eq(collectionGroups.organizationId, organizationId), eq(collectionGroups.collectionId, collectionId)));
  if (access.members.length > 0) {
    await tx
      .insert(collectionUsers)
      .values(access.members.map((member) => ({ organizationId, collectionId, organizationUserId: member.id, ...ACCESS_LEVELS[member.level] })));
  }
  if (access.groups.length > 0) {
    await tx.insert(collectionGroups).values(access.groups.map((group) => ({ organizationId, collectionId, groupId: group.id, ...ACCESS_LEVELS[group.level] })));
  }
}
