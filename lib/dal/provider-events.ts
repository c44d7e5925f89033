import "server-only";
import type { ProviderScope } from "@/lib/authz/scope-brand";
import type { DateRange } from "@/lib/events/date-range";
import type { EventExport } from "@/lib/events/export";
import { type EventPage, readEventExport, readEventPage } from "./event-log";

export { EVENTS_EXPORT_LIMIT } from "./event-log";

/** One page of the provider's events in a date range, newest first, and how many the range holds. */
export function listProviderEvents(scope: ProviderScope, range: DateRange, page: number): Promise<EventPage> {
  return readEventPage(scope, range, page, "anyone");
}

/** The newest 10,000 events of the range for a CSV download. */
export function exportProviderEvents(scope: ProviderScope, range: DateRange): Promise<EventExport> {
  return readEventExport(scope, range, "anyone");
}
