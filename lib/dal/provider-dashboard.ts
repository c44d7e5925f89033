import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import { organizations, organizationUsers, providerOrganizations, providerUsers, users } from "@/db/schema";
import { assertScope, type ProviderScope } from "@/lib/authz/scope-brand";
import { clientInReach } from "./client-reach";

/**
 * The Provider Portal's home (issue 16): figures over the clients in the caller's reach, from membership rows and
 * account flags alone, never from a client's items. One statement whatever the number of clients: the per-client
 * counts are computed once and the totals and the short lists come from them.
 */

/** How many clients each list on the dashboard names; the rest is one click away. */
export const DASHBOARD_LIST_SIZE = 10;
/** A client with this share of its seats in use or more is near its limit. */
export const NEAR_SEAT_LIMIT = 0.9;

export type DashboardTotals = {
  clients: number;
  seatsAssigned: number;
  seatsUsed: number;
  /** Invited and not yet accepted. */
  invited: number;
  /** Accepted and waiting for someone to confirm them (hand them the organization key). */
  awaitingConfirmation: number;
  /** Members with an account (accepted or confirmed), and those of them without two-step login. */
  members: number;
  withoutTwoStep: number;
  nearSeatLimit: number;
};

export type DashboardClient = {
  id: string;
  name: string;
  assigned: number;
  used: number;
  invited: number;
  awaitingConfirmation: number;
  members: number;
  withoutTwoStep: number;
};

export type ProviderDashboard = {
  totals: DashboardTotals;
  /** The clients with the most seats assigned. */
  bySeats: DashboardClient[];
  /** The clients with the lowest share of members using two-step login (those with members). */
  byTwoStep: DashboardClient[];
  /** Clients with something to do: members to confirm, members without two-step login, or near their seat limit. */
  needsAttention: DashboardClient[];
};

export async function getProviderDashboard(scope: ProviderScope): Promise<ProviderDashboard> {
  const { providerId, providerUserId } = assertScope(scope);
  const db = await getDb();
  const client = (alias: string) =>
    sql.raw(`json_build_object('id', ${alias}.id, 'name', ${alias}.name,
    'assigned', ${alias}.assigned, 'used', ${alias}.used, 'invited', ${alias}.invited,
    'awaitingConfirmation', ${alias}.awaiting, 'members', ${alias}.members, 'withoutTwoStep', ${alias}.without_two_step)`);
  // One row always: the totals aggregate over every client reached (zeros when none); a list is null when empty.
  const [row] = await selectRows<{
    totals: DashboardTotals;
    bySeats: DashboardClient[] | null;
    byTwoStep: DashboardClient[] | null;
    needsAttention: DashboardClient[] | null;
  }>(
    db,
    sql`with reached as materialized (
        select ${organizations.id} as id, ${organizations.name} as name, ${organizations.seats} as assigned
        from ${providerOrganizations} join ${organizations} on ${organizations.id} = ${providerOrganizations.organizationId}
        where ${providerOrganizations.providerId} = ${providerId}
          and ${clientInReach(providerUserId, providerOrganizations.id)}
      ), per_client as materialized (
        select reached.id, reached.name, reached.assigned,
          count(member.id) filter (where member.status <> 'revoked')::int as used,
          count(member.id) filter (where member.status = 'invited')::int as invited,
          count(member.id) filter (where member.status = 'accepted')::int as awaiting,
          count(member.id) filter (where member.status in ('accepted', 'confirmed'))::int as members,
          count(member.id) filter (where member.status in ('accepted', 'confirmed')
            and account.two_factor_enabled_at is null)::int as without_two_step
        from reached
        left join ${organizationUsers} member on member.organization_id = reached.id
        left join ${users} account on account.id = member.user_id
        group by reached.id, reached.name, reached.assigned
      )
      select
        (select json_build_object('clients', count(*), 'seatsAssigned', coalesce(sum(assigned), 0),
          'seatsUsed', coalesce(sum(used), 0), 'invited', coalesce(sum(invited), 0),
          'awaitingConfirmation', coalesce(sum(awaiting), 0), 'members', coalesce(sum(members), 0),
          'withoutTwoStep', coalesce(sum(without_two_step), 0),
          'nearSeatLimit', count(*) filter (where assigned > 0 and used >= assigned * ${NEAR_SEAT_LIMIT}::float8))
          from per_client) as totals,
        (select json_agg(${client("top")} order by top.assigned desc, top.name)
          from (select * from per_client order by assigned desc, name limit ${DASHBOARD_LIST_SIZE}) top) as "bySeats",
        (select json_agg(${client("low")} order by low.share, low.name)
          from (select *, (members - without_two_step)::float / members as share from per_client
            where members > 0 order by share, name limit ${DASHBOARD_LIST_SIZE}) low) as "byTwoStep",
        (select json_agg(${client("todo")} order by todo.awaiting desc, todo.without_two_step desc, todo.name)
          from (select * from per_client
            where awaiting > 0 or without_two_step > 0 or (assigned > 0 and used >= assigned * ${NEAR_SEAT_LIMIT}::float8)
            order by awaiting desc, without_two_step desc, name limit ${DASHBOARD_LIST_SIZE}) todo) as "needsAttention"`,
  );
  return {
    totals: row!.totals,
    bySeats: row!.bySeats ?? [],
    byTwoStep: row!.byTwoStep ?? [],
    needsAttention: row!.needsAttention ?? [],
  };
}

/** At most this many members to confirm at once from the dashboard; the rest come in the next round. */
export const CONFIRM_LIST_SIZE = 50;

export type MemberToConfirm = {
  id: string;
  organizationId: string;
  organizationName: string;
  userId: string;
  email: string;
  name: string;
  publicKey: string;
};

/**
 * Members who accepted an invitation to a client in the caller's reach and wait for confirmation, which the dashboard
 * confirms for every client at once. Left out: the caller, and anyone who is (or is invited as) a member of this
 * provider, whom a provider member may never confirm into a client (the console's rule, GRANT_REFUSALS.providerMember);
 * a client's own owner or admin confirms them. One statement.
 */
export async function listMembersToConfirm(scope: ProviderScope): Promise<MemberToConfirm[]> {
  const { providerId, providerUserId, userId } = assertScope(scope);
  const db = await getDb();
  return selectRows<MemberToConfirm>(
    db,
    sql`select member.id, client.id as "organizationId", client.name as "organizationName", account.id as "userId",
        account.email, account.name, account.public_key as "publicKey"
      from ${providerOrganizations}
      join ${organizations} client on client.id = ${providerOrganizations.organizationId}
      join ${organizationUsers} member on member.organization_id = client.id and member.status = 'accepted'
      join ${users} account on account.id = member.user_id
      where ${providerOrganizations.providerId} = ${providerId}
        and ${clientInReach(providerUserId, providerOrganizations.id)}
        and account.id <> ${userId}
        and not exists (select 1 from ${providerUsers} colleague where colleague.provider_id = ${providerId}
          and (colleague.user_id = account.id or colleague.email = account.email))
      order by client.name, client.id, account.email
      limit ${CONFIRM_LIST_SIZE}`,
  );
}
