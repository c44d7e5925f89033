import "server-only";
import { type AnyColumn, Column, getTableName, is, type SQL, sql } from "drizzle-orm";
import {
  providerClientGroupClients,
  providerOrganizations,
  providerUserClientGroups,
  providerUserClients,
  providerUsers,
} from "@/db/schema";

/**
 * The one statement of a provider member's reach over their provider's clients (DESIGN §13), as a SQL condition every
 * query that takes a provider member to a client puts next to its tenant condition: the gates (lib/dal/access.ts),
 * the clients table, the client actions and the Bitwarden API's sync and keys. Provider admins and service users
 * with "all clients" (the default) reach every client; other service users reach the clients named in their scope
 * and those tagged with one of their client groups.
 *
 * `member` is a provider_users id (a column of an outer query, or a scope's providerUserId) and `client` a
 * provider_organizations id, so the condition holds only for that provider's own links.
 */
export function clientInReach(member: AnyColumn | SQL | string, client: AnyColumn | SQL): SQL<boolean> {
  const link = qualified(client);
  const memberId = qualified(member);
  return sql<boolean>`(${reachesEveryClient(memberId)}
    or exists (select 1 from ${providerUserClients} reach_client
      where reach_client.provider_user_id = ${memberId} and reach_client.provider_organization_id = ${link})
    or exists (select 1 from ${providerUserClientGroups} reach_group
      join ${providerClientGroupClients} reach_tag on reach_tag.group_id = reach_group.group_id
      where reach_group.provider_user_id = ${memberId} and reach_tag.provider_organization_id = ${link}))`;
}

/** Whether the provider member (a provider_users id) reaches every client: an admin, or "all clients" (the default). */
export function reachesEveryClient(member: AnyColumn | SQL | string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${providerUsers} reach_member where reach_member.id = ${qualified(member)}
    and (reach_member.type = 'provider_admin' or reach_member.access_all_clients))`;
}

/** Whether the user reaches the outer query's provider_organizations row as a confirmed member of its provider. */
export function clientReachedBy(userId: string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${providerUsers} reach_by
    where reach_by.provider_id = ${qualified(providerOrganizations.providerId)} and reach_by.user_id = ${userId}
      and reach_by.status = 'confirmed' and ${clientInReach(sql`reach_by.id`, providerOrganizations.id)})`;
}

/**
 * An outer query's column with its table's name: Drizzle leaves a lone table's columns unqualified, which inside these
 * subqueries would name the subquery's own columns instead.
 */
export function qualified<T>(value: T): T | SQL {
  return is(value, Column) ? sql`${sql.identifier(getTableName(value.table))}.${sql.identifier(value.name)}` : value;
}
