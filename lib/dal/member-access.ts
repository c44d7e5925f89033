import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import { collections, type organizationUserStatus, organizationUsers, users } from "@/db/schema";
import type { OrganizationRole } from "@/lib/enums";
import { assertScope, type OrganizationScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import { type AccessLevel, accessLevelOf } from "@/lib/vault/access-levels";
import { groupBy } from "@/lib/group-by";

/** How a member reaches a collection: their role (owners and admins reach all), a direct grant, groups. */
export type AccessVia = { role: "owner" | "admin" | null; direct: boolean; groups: string[] };

export type CollectionAccess = { collectionId: string; level: AccessLevel; via: AccessVia };

export type MemberAccess = {
  id: string;
  email: string;
  name: string | null;
  role: OrganizationRole;
  /** Never "revoked": revoked members reach nothing and are left out. */
  status: (typeof organizationUserStatus.enumValues)[number];
  collections: CollectionAccess[];
};

/** Collection names are EncStrings under the organization key: the browser decrypts them. */
export type MemberAccessReport = { members: MemberAccess[]; collections: { id: string; name: EncString }[] };

type GrantRow = {
  member_id: string;
  collection_id: string;
  read_only: boolean;
  hide_passwords: boolean;
  manage: boolean;
  group_name: string | null;
};

/**
 * The same rule as lib/dal/vault-access.ts: several grants on one collection combine to the most permissive
 * (read-only only if all are, passwords hidden only if all hide them, manage if any manages).
 */
function combineGrants(grants: GrantRow[]): CollectionAccess[] {
  return [...groupBy(grants, (grant) => grant.collection_id)].map(([collectionId, rows]) => ({
    collectionId,
    level: accessLevelOf({
      readOnly: rows.every((row) => row.read_only),
      hidePasswords: rows.every((row) => row.hide_passwords),
      manage: rows.some((row) => row.manage),
    }),
    via: {
      role: null,
      direct: rows.some((row) => row.group_name === null),
      groups: [...new Set(rows.flatMap((row) => (row.group_name === null ? [] : [row.group_name])))].sort(),
    },
  }));
}

/**
 * Who reaches which collection of the organization, at which level and through what, for every member who is not
 * revoked (invited and accepted members' grants apply once they are confirmed). Three queries whatever the
 * number of members, groups and collections.
 */
export async function getMemberAccessReport(scope: OrganizationScope): Promise<MemberAccessReport> {
  const { organizationId } = assertScope(scope);
  const db = await getDb();
  const [members, grants, allCollections] = await Promise.all([
    db
      .select({
        id: organizationUsers.id,
        email: organizationUsers.email,
        name: users.name,
        role: organizationUsers.type,
        status: organizationUsers.status,
      })
      .from(organizationUsers)
      .leftJoin(users, eq(users.id, organizationUsers.userId))
      .where(and(eq(organizationUsers.organizationId, organizationId), ne(organizationUsers.status, "revoked")))
      .orderBy(asc(organizationUsers.email)),
    selectRows<GrantRow>(
      db,
      sql`select cu.organization_user_id as member_id, cu.collection_id, cu.read_only, cu.hide_passwords, cu.manage, null::text as group_name
          from collection_users cu
          where cu.organization_id = ${organizationId}
          union all
          select gu.organization_user_id, cg.collection_id, cg.read_only, cg.hide_passwords, cg.manage, g.name
          from group_users gu
          join groups g on g.id = gu.group_id and g.organization_id = ${organizationId}
          join collection_groups cg on cg.group_id = g.id and cg.organization_id = ${organizationId}
          where gu.organization_id = ${organizationId}`,
    ),
    db
      .select({ id: collections.id, name: collections.name })
      .from(collections)
      .where(eq(collections.organizationId, organizationId)),
  ]);

  const grantsByMember = groupBy(grants, (grant) => grant.member_id);
  return {
    collections: allCollections,
    members: members.map(({ role, ...member }) => ({
      ...member,
      role,
      collections:
        role === "owner" || role === "admin"
          ? allCollections.map((collection) => ({
              collectionId: collection.id,
              level: "manage" as const,
              via: { role, direct: false, groups: [] },
            }))
          : combineGrants(grantsByMember.get(member.id) ?? []),
    })),
  };
}
