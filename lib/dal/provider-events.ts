import "server-only";
import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, organizations, users } from "@/db/schema";
import { assertScope, type ProviderScope } from "@/lib/authz/scope";
import { type DateRange, rangeBounds } from "@/lib/events/date-range";
import type { EventRow } from "@/lib/events/rows";

export const EVENTS_PER_PAGE = 50;
export const EVENTS_EXPORT_LIMIT = 10_000;

/**
 * Provider events are rows carrying the provider's id: its own changes and what its members did inside client
 * organizations. This condition is part of every statement that reads them.
 */
function providerEventsIn(providerId: string, range: DateRange): SQL | undefined {
  const { from, until } = rangeBounds(range);
  return and(eq(events.providerId, providerId), gte(events.occurredAt, from), lt(events.occurredAt, until));
}

/** The provider's events in a date range, newest first, with the acting user and the client joined in (one statement). */
async function selectProviderEvents(providerId: string, range: DateRange, limit: number, offset: number): Promise<EventRow[]> {
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
      ip: events.ip,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actingUserId))
    .leftJoin(organizations, eq(organizations.id, events.organizationId))
    .where(providerEventsIn(providerId, range))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(limit)
    .offset(offset);
}

export type EventPage = { rows: EventRow[]; page: number; total: number };

/** One page of 50 and how many events the range holds (two queries, however many rows). */
export async function listProviderEvents(scope: ProviderScope, range: DateRange, page: number): Promise<EventPage> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  const [rows, [counted]] = await Promise.all([
    selectProviderEvents(providerId, range, EVENTS_PER_PAGE, (page - 1) * EVENTS_PER_PAGE),
    db.select({ value: count() }).from(events).where(providerEventsIn(providerId, range)),
  ]);
  return { rows, page, total: Number(counted?.value ?? 0) };
}

/** The newest 10,000 events of the range for a CSV download, and whether older ones were left out. */
export async function exportProviderEvents(scope: ProviderScope, range: DateRange): Promise<{ rows: EventRow[]; truncated: boolean }> {
  const { providerId } = assertScope(scope);
  const rows = await selectProviderEvents(providerId, range, EVENTS_EXPORT_LIMIT + 1, 0);
  return { rows: rows.slice(0, EVENTS_EXPORT_LIMIT), truncated: rows.length > EVENTS_EXPORT_LIMIT };
}
