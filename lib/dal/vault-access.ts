import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { assertScope, type OrganizationScope, type UserScope } from "@/lib/authz/scope-brand";
import { grantedCollectionRows } from "./provider-access";

/**
 * Who reaches which collection, and how (DESIGN §5). A member reaches a collection directly (collection_users) or
 * through a group (group_users → collection_groups); owners and admins reach every collection of their organization
 * with full rights. Several grants on one collection combine to the most permissive: read-only only if all are,
 * passwords hidden only if all hide them, manage if any manages. Only confirmed members of enabled organizations
 * (whose provider, if any, is enabled) reach anything. Provider members are not members and reach no items, except
 * through a grant the client approved, while it lasts (./provider-access.ts): never with manage rights.
 *
 * `collectionAccessCte(scope)` is the SQL of a CTE named `collection_access(organization_id, collection_id,
 * read_only, hide_passwords, manage)` for the scope's user, to put in front of the queries that need it.
 */
export function collectionAccessCte(scope: UserScope | OrganizationScope): SQL {
  const { userId } = assertScope(scope);
  return sql`
    memberships as (
      select ou.id, ou.organization_id, ou.type
      from organization_users ou
      join organizations o on o.id = ou.organization_id
      left join provider_organizations po on po.organization_id = o.id
      left join providers p on p.id = po.provider_id
      where ou.user_id = ${userId} and ou.status = 'confirmed' and o.enabled and coalesce(p.enabled, true)
    ),
    grants as (
      select m.organization_id, cu.collection_id, cu.read_only, cu.hide_passwords, cu.manage
      from memberships m join collection_users cu on cu.organization_user_id = m.id
      union all
      select m.organization_id, cg.collection_id, cg.read_only, cg.hide_passwords, cg.manage
      from memberships m join group_users gu on gu.organization_user_id = m.id join collection_groups cg on cg.group_id = gu.group_id
      union all
      select m.organization_id, c.id, false, false, true
      from memberships m join collections c on c.organization_id = m.organization_id
      where m.type in ('owner', 'admin')
      union all
      ${grantedCollectionRows(scope)}
    ),
    collection_access as (
      select organization_id, collection_id,
        bool_and(read_only) as read_only, bool_and(hide_passwords) as hide_passwords, bool_or(manage) as manage
      from grants group by organization_id, collection_id
    )`;
}
