import "server-only";
import { and, count, desc, eq, gte, isNotNull, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, organizations, providers, users } from "@/db/schema";
import { assertScope, type OrganizationScope, type ProviderScope } from "@/lib/authz/scope-brand";
import { type DateRange, rangeBounds } from "@/lib/events/date-range";
import type { EventActor } from "@/lib/events/event-actor";
import type { EventExport } from "@/lib/events/export";
import type { EventRow } from "@/lib/events/rows";

/**
 * The statements behind every event log. Each builds its tenant condition from the asserted scope and puts it in
 * every statement it runs; pages and routes call the scoped modules (provider-events.ts, organization-events.ts).
 */

export const EVENTS_PER_PAGE = 50;
export const EVENTS_EXPORT_LIMIT = 10_000;

/**
 * An organization's events are rows carrying its id: what its members did, and what the managing provider's
 * members did inside it (those rows also carry the provider's id). A provider's are rows carrying its id: its own
 * changes and what its members did inside client organizations.
 */
function tenantEvents(scope: OrganizationScope | ProviderScope): SQL {
  const checked = assertScope(scope);
  return checked.kind === "organization"
    ? eq(events.organizationId, checked.organizationId)
    : eq(events.providerId, checked.providerId);
}

function inRange(scope: OrganizationScope | ProviderScope, range: DateRange, actor: EventActor): SQL | undefined {
  const { from, until } = rangeBounds(range);
  return and(
    tenantEvents(scope),
    gte(events.occurredAt, from),
    lt(events.occurredAt, until),
    actor === "provider" ? and(isNotNull(events.providerId), isNotNull(events.actingUserId)) : undefined,
  );
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
export async function readEventPage(
  scope: OrganizationScope | ProviderScope,
  range: DateRange,
  page: number,
  actor: EventActor,
): Promise<EventPage> {
  const db = await getDb();
  const where = inRange(scope, range, actor);
  const [rows, [counted]] = await Promise.all([
    selectEvents(where, EVENTS_PER_PAGE, (page - 1) * EVENTS_PER_PAGE),
    db.select({ value: count() }).from(events).where(where),
  ]);
  return { rows, page, pageSize: EVENTS_PER_PAGE, total: Number(counted?.value ?? 0) };
}

/** The newest 10,000 events of the range for a CSV download, and whether older ones were left out (one query). */
export async function readEventExport(
  scope: OrganizationScope | ProviderScope,
  range: DateRange,
  actor: EventActor,
): Promise<EventExport> {
  const rows = await selectEvents(inRange(scope, range, actor), EVENTS_EXPORT_LIMIT + 1, 0);
  return {
    rows: rows.slice(0, EVENTS_EXPORT_LIMIT),
    truncatedAt: rows.length > EVENTS_EXPORT_LIMIT ? EVENTS_EXPORT_LIMIT : null,
  };
}
