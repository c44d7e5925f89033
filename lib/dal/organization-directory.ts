import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  collectionCiphers,
  collectionGroups,
  collections,
  collectionUsers,
  type CustomPermissions,
  groups,
  groupUsers,
  organizationUsers,
  users,
} from "@/db/schema";
import { assertScope, type OrganizationScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import type { OrganizationMemberStatus, OrganizationRole } from "@/lib/enums";
import { type AccessLevel, accessLevelOf } from "@/lib/vault/access-levels";

export type DirectoryGrant = { id: string; level: AccessLevel };

export type OrganizationDirectory = {
  members: {
    id: string;
    userId: string | null;
    email: string;
    name: string | null;
    twoFactorEnabled: boolean;
    type: OrganizationRole;
    status: OrganizationMemberStatus;
    permissions: CustomPermissions | null;
    groupIds: string[];
    collections: { collectionId: string; level: AccessLevel }[];
  }[];
  groups: {
    id: string;
    name: string;
    memberIds: string[];
    collections: { collectionId: string; level: AccessLevel }[];
  }[];
  /** Collection names are EncStrings under the organization key: the browser decrypts them. */
  collections: {
    id: string;
    name: EncString;
    itemCount: number;
    members: DirectoryGrant[];
    groups: DirectoryGrant[];
  }[];
};

const levelOf = (row: { readOnly: boolean; hidePasswords: boolean; manage: boolean }) => accessLevelOf(row);

/**
 * Who is in the organization, its groups and collections, and every grant between them: what the members, groups
 * and collections screens edit. Six queries whatever the size of the organization.
 */
export async function loadOrganizationDirectory(scope: OrganizationScope): Promise<OrganizationDirectory> {
  const { organizationId } = assertScope(scope);
  const db = await getDb();
  const memberRows = await db
    .select({
      id: organizationUsers.id,
      userId: organizationUsers.userId,
      email: organizationUsers.email,
      name: users.name,
      twoFactorEnabled: sql<boolean>`${users.twoFactorEnabledAt} is not null`,
      type: organizationUsers.type,
      status: organizationUsers.status,
      permissions: organizationUsers.permissions,
    })
    .from(organizationUsers)
    .leftJoin(users, eq(users.id, organizationUsers.userId))
    .where(eq(organizationUsers.organizationId, organizationId))
    .orderBy(asc(organizationUsers.email));
  const groupRows = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(eq(groups.organizationId, organizationId))
    .orderBy(asc(groups.name));
  const membership = await db
    .select({ groupId: groupUsers.groupId, memberId: groupUsers.organizationUserId })
    .from(groupUsers)
    .where(eq(groupUsers.organizationId, organizationId));
  const collectionRows = await db
    .select({
      id: collections.id,
      name: collections.name,
      itemCount: sql<number>`(select count(*)::int from ${collectionCiphers} where ${collectionCiphers.collectionId} = ${collections.id})`,
    })
    .from(collections)
    .where(eq(collections.organizationId, organizationId));
  const userGrants = await db
    .select({
      collectionId: collectionUsers.collectionId,
      memberId: collectionUsers.organizationUserId,
      readOnly: collectionUsers.readOnly,
      hidePasswords: collectionUsers.hidePasswords,
      manage: collectionUsers.manage,
    })
    .from(collectionUsers)
    .where(eq(collectionUsers.organizationId, organizationId));
  const groupGrants = await db
    .select({
      collectionId: collectionGroups.collectionId,
      groupId: collectionGroups.groupId,
      readOnly: collectionGroups.readOnly,
      hidePasswords: collectionGroups.hidePasswords,
      manage: collectionGroups.manage,
    })
    .from(collectionGroups)
    .where(eq(collectionGroups.organizationId, organizationId));

  const groupsOfMember = indexBy(
    membership,
    (row) => row.memberId,
    (row) => row.groupId,
  );
  const membersOfGroup = indexBy(
    membership,
    (row) => row.groupId,
    (row) => row.memberId,
  );
  const grantsOfMember = indexBy(
    userGrants,
    (grant) => grant.memberId,
    (grant) => ({ collectionId: grant.collectionId, level: levelOf(grant) }),
  );
  const grantsOfGroup = indexBy(
    groupGrants,
    (grant) => grant.groupId,
    (grant) => ({ collectionId: grant.collectionId, level: levelOf(grant) }),
  );
  const membersOfCollection = indexBy(
    userGrants,
    (grant) => grant.collectionId,
    (grant) => ({ id: grant.memberId, level: levelOf(grant) }),
  );
  const groupsOfCollection = indexBy(
    groupGrants,
    (grant) => grant.collectionId,
    (grant) => ({ id: grant.groupId, level: levelOf(grant) }),
  );
  return {
    members: memberRows.map((member) => ({
      ...member,
      groupIds: groupsOfMember.get(member.id) ?? [],
      collections: grantsOfMember.get(member.id) ?? [],
    })),
    groups: groupRows.map((group) => ({
      ...group,
      memberIds: membersOfGroup.get(group.id) ?? [],
      collections: grantsOfGroup.get(group.id) ?? [],
    })),
    collections: collectionRows.map((collection) => ({
      ...collection,
      members: membersOfCollection.get(collection.id) ?? [],
      groups: groupsOfCollection.get(collection.id) ?? [],
    })),
  };
}

/** Groups rows into lists by key, once, so joining the lists back is linear in the size of the organization. */
function indexBy<Row, Value>(rows: Row[], key: (row: Row) => string, value: (row: Row) => Value): Map<string, Value[]> {
  const index = new Map<string, Value[]>();
  for (const row of rows) {
    const list = index.get(key(row));
    if (list) list.push(value(row));
    else index.set(key(row), [value(row)]);
  }
  return index;
}
