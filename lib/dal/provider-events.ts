import "server-only";
import { and, desc, eq, gte, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, organizations, users } from "@/db/schema";
import { assertScope, type ProviderScope } from "@/lib/authz/scope";
import { type DateRange, rangeBounds } from "@/lib/events/date-range";
import type { EventRow } from "@/lib/events/rows";

export const EVENTS_PER_PAGE = 50;
export const EVENTS_EXPORT_LIMIT = 10_000;

/**
 * The provider's events in a date range, newest first, with the acting user and the client joined in (one
 * statement, however many rows). Provider events are rows carrying the provider's id: its own changes and what
 * its members did inside client organizations. The provider condition is part of the statement.
 */
async function selectProviderEvents(providerId: string, range: DateRange, limit: number, offset: number): Promise<EventRow[]> {
  const { from, until } = rangeBounds(range);
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
    .where(and(eq(events.providerId, providerId), gte(events.occurredAt, from), lt(events.occurredAt, until)))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(limit)
    .offset(offset);
}

export type EventPage = { rows: EventRow[]; page: number; hasNext: boolean };

/** One page of 50 (a row past the page says there is more). */
export async function listProviderEvents(scope: ProviderScope, range: DateRange, page: number): Promise<EventPage> {
  const { providerId } = assertScope(scope);
  const rows = await selectProviderEvents(providerId, range, EVENTS_PER_PAGE + 1, (page - 1) * EVENTS_PER_PAGE);
  return { rows: rows.slice(0, EVENTS_PER_PAGE), page, hasNext: rows.length > EVENTS_PER_PAGE };
}

/** The newest 10,000 events of the range for a CSV download, and whether older ones were left out. */
export async function exportProviderEvents(scope: ProviderScope, range: DateRange): Promise<{ rows: EventRow[]; truncated: boolean }> {
  const { providerId } = assertScope(scope);
  const rows = await selectProviderEvents(providerId, range, EVENTS_EXPORT_LIMIT + 1, 0);
  return { rows: rows.slice(0, EVENTS_EXPORT_LIMIT), truncated: rows.length > EVENTS_EXPORT_LIMIT };
}
