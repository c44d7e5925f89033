import "server-only";
import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, organizations, providers, users } from "@/db/schema";
import { type DateRange, rangeBounds } from "@/lib/events/date-range";
import type { EventExport } from "@/lib/events/export";
import type { EventRow } from "@/lib/events/rows";

/**
 * The statements behind every event log. Each takes its tenant condition from a scoped module
 * (provider-events.ts, organization-events.ts) that builds it from an asserted scope, and puts it in every
 * statement it runs; pages and routes call those modules, never this one.
 */

export const EVENTS_PER_PAGE = 50;
export const EVENTS_EXPORT_LIMIT = 10_000;

function inRange(tenant: SQL, range: DateRange): SQL | undefined {
  const { from, until } = rangeBounds(range);
  return and(tenant, gte(events.occurredAt, from), lt(events.occurredAt, until));
}

/** Events newest first, with the acting user, the organization and the acting provider joined in (one statement). */
async function selectEvents(where: SQL | undefined, limit: number, offset: number): Promise<EventRow[]> {
  const db = await getDb();
  return db
    .select({
      id: events.id,
      occurredAt: events.occurredAt,
      type: events.type,
      actingUserId: events.actingUserId,
      actorName: users.name,
      actorEmail: users.email,
      device: events.device,
      organizationId: events.organizationId,
      organizationName: organizations.name,
      providerId: events.providerId,
      providerName: providers.name,
      ip: events.ip,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actingUserId))
    .leftJoin(organizations, eq(organizations.id, events.organizationId))
    .leftJoin(providers, eq(providers.id, events.providerId))
    .where(where)
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(limit)
    .offset(offset);
}

export type EventPage = { rows: EventRow[]; page: number; pageSize: number; total: number };

/** One page of 50 and how many events the range holds (two queries, however many rows). */
export async function readEventPage(tenant: SQL, range: DateRange, page: number): Promise<EventPage> {
  const db = await getDb();
  const where = inRange(tenant, range);
  const [rows, [counted]] = await Promise.all([
    selectEvents(where, EVENTS_PER_PAGE, (page - 1) * EVENTS_PER_PAGE),
    db.select({ value: count() }).from(events).where(where),
  ]);
  return { rows, page, pageSize: EVENTS_PER_PAGE, total: Number(counted?.value ?? 0) };
}

/** The newest 10,000 events of the range for a CSV download, and whether older ones were left out (one query). */
export async function readEventExport(tenant: SQL, range: DateRange): Promise<EventExport> {
  const rows = await selectEvents(inRange(tenant, range), EVENTS_EXPORT_LIMIT + 1, 0);
  return {
    rows: rows.slice(0, EVENTS_EXPORT_LIMIT),
    truncatedAt: rows.length > EVENTS_EXPORT_LIMIT ? EVENTS_EXPORT_LIMIT : null,
  };
}
