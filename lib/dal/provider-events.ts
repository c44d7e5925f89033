import "server-only";
import { eq, type SQL } from "drizzle-orm";
import { events } from "@/db/schema";
import { assertScope, type ProviderScope } from "@/lib/authz/scope-brand";
import type { DateRange } from "@/lib/events/date-range";
import type { EventExport } from "@/lib/events/export";
import { type EventPage, readEventExport, readEventPage } from "./event-log";

export { EVENTS_EXPORT_LIMIT } from "./event-log";

/**
 * Provider events are rows carrying the provider's id: its own changes and what its members did inside client
 * organizations. This condition is part of every statement that reads them.
 */
function providerEvents(scope: ProviderScope): SQL {
  return eq(events.providerId, assertScope(scope).providerId);
}

/** One page of the provider's events in a date range, newest first, and how many the range holds. */
export function listProviderEvents(scope: ProviderScope, range: DateRange, page: number): Promise<EventPage> {
  return readEventPage(providerEvents(scope), range, page);
}

/** The newest 10,000 events of the range for a CSV download. */
export function exportProviderEvents(scope: ProviderScope, range: DateRange): Promise<EventExport> {
  return readEventExport(providerEvents(scope), range);
}
