import "server-only";
import { sql } from "drizzle-orm";
import { type Executor, getDb, selectRows } from "@/db/client";
import { clientUsageDays, organizations, providerOrganizations } from "@/db/schema";
import { assertScope, type ProviderScope } from "@/lib/authz/scope-brand";
import { isoDay } from "@/lib/events/date-range";
import { clientInReach } from "./client-reach";
import { seatsUsedBy } from "./seats";

/**
 * The usage ledger (db/schema/usage.ts): a row per client, provider and UTC day with its seats assigned and in use.
 * `recordClientUsage` is safe to run any number of times and catches up the days it missed.
 */

/** The furthest back a run fills in missed days, so a ledger left alone for years is not rewritten in one go. */
export const CATCH_UP_DAYS = 400;

/**
 * Records `today` for every current client of every provider, and fills the days since each client's last row that
 * no run recorded with that row's figures (nothing happened that a run saw, so the last seen figures stood). A day
 * recorded again keeps the highest figures seen that day. Two statements, in the caller's transaction.
 */
export async function recordClientUsage(tx: Executor, today: string): Promise<{ recorded: number; caughtUp: number }> {
  const caughtUp = await tx.execute(sql`insert into ${clientUsageDays}
      (provider_id, organization_id, client_name, day, seats_assigned, seats_used)
    select last.provider_id, last.organization_id, last.client_name, missed.day::date, last.seats_assigned,
      last.seats_used
    from ${providerOrganizations} link
    join lateral (select * from ${clientUsageDays} recorded
      where recorded.organization_id = link.organization_id and recorded.provider_id = link.provider_id
        and recorded.day < ${today}::date
      order by recorded.day desc limit 1) last on true
    cross join lateral generate_series(greatest(last.day + 1, ${today}::date - ${CATCH_UP_DAYS}::int),
      ${today}::date - 1, interval '1 day') missed(day)
    on conflict do nothing`);
  const recorded = await tx.execute(sql`insert into ${clientUsageDays}
      (provider_id, organization_id, client_name, day, seats_assigned, seats_used)
    select ${providerOrganizations.providerId}, ${organizations.id}, ${organizations.name}, ${today}::date,
      ${organizations.seats}, ${seatsUsedBy(organizations.id)}
    from ${providerOrganizations} join ${organizations} on ${organizations.id} = ${providerOrganizations.organizationId}
    on conflict (organization_id, provider_id, day) do update set client_name = excluded.client_name,
      seats_assigned = greatest(${clientUsageDays.seatsAssigned}, excluded.seats_assigned),
      seats_used = greatest(${clientUsageDays.seatsUsed}, excluded.seats_used)`);
  return { recorded: affected(recorded), caughtUp: affected(caughtUp) };
}

/** Any fixed number, the same in every instance (lib/server/startup.ts holds the others). */
const USAGE_LEDGER_LOCK = 727276;

/** One run of the ledger for `now`'s day, by one instance at a time (the others skip: null), as the trash purge. */
export async function recordUsageOnce(now: Date): Promise<{ recorded: number; caughtUp: number } | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [lock] = await selectRows<{ taken: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${USAGE_LEDGER_LOCK}::bigint) as taken`,
    );
    return lock?.taken ? recordClientUsage(tx, isoDay(now)) : null;
  });
}

function affected(result: unknown): number {
  const { rowCount, affectedRows } = result as { rowCount?: number | null; affectedRows?: number };
  return rowCount ?? affectedRows ?? 0;
}

export type UsageDay = { day: string; seatsAssigned: number; seatsUsed: number };

/** Ledger rows (aliased `usage`) the caller may read: every client for an admin, those reached now otherwise. */
function usageInReach(scope: ProviderScope) {
  const { providerUserId, role } = scope;
  return sql`(${role === "provider_admin"} or exists (select 1 from ${providerOrganizations} link
    where link.provider_id = usage.provider_id and link.organization_id = usage.organization_id
      and ${clientInReach(providerUserId, sql`link.id`)}))`;
}

/**
 * The caller's clients' seats per day over the last `days` days up to `today`, summed. Provider admins see every
 * client the provider had on each day, including those since gone; a service user the clients they reach now. One
 * statement; days the ledger has no row for are left out.
 */
export async function listUsageHistory(scope: ProviderScope, today: string, days: number): Promise<UsageDay[]> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  return selectRows<UsageDay>(
    db,
    sql`select to_char(usage.day, 'YYYY-MM-DD') as day, sum(usage.seats_assigned)::int as "seatsAssigned",
        sum(usage.seats_used)::int as "seatsUsed"
      from ${clientUsageDays} usage
      where usage.provider_id = ${providerId} and usage.day > ${today}::date - ${days}::int
        and usage.day <= ${today}::date and ${usageInReach(scope)}
      group by usage.day order by usage.day`,
  );
}

export type ClientPeriodUsage = {
  organizationId: string;
  /** The client's name on its last day in the period. */
  clientName: string;
  days: number;
  peakAssigned: number;
  seatDays: number;
  peakUsed: number;
};

/** Each client's ledger days in the period (both ends included), by name: what a period's usage CSV lists. */
export async function listPeriodUsage(
  scope: ProviderScope,
  period: { start: string; end: string },
): Promise<ClientPeriodUsage[]> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  return selectRows<ClientPeriodUsage>(
    db,
    sql`select usage.organization_id as "organizationId",
        (array_agg(usage.client_name order by usage.day desc))[1] as "clientName", count(*)::int as days,
        max(usage.seats_assigned)::int as "peakAssigned", sum(usage.seats_assigned)::int as "seatDays",
        max(usage.seats_used)::int as "peakUsed"
      from ${clientUsageDays} usage
      where usage.provider_id = ${providerId} and usage.day between ${period.start}::date and ${period.end}::date
        and ${usageInReach(scope)}
      group by usage.organization_id order by "clientName", usage.organization_id`,
  );
}
