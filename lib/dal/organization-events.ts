import "server-only";
import type { OrganizationScope } from "@/lib/authz/scope-brand";
import type { DateRange } from "@/lib/events/date-range";
import type { EventActor } from "@/lib/events/event-actor";
import type { EventExport } from "@/lib/events/export";
import { type EventPage, readEventExport, readEventPage } from "./event-log";

/** One page of the organization's events in a date range (anyone's, or its providers' members'), newest first. */
export function listOrganizationEvents(
  scope: OrganizationScope,
  range: DateRange,
  page: number,
  actor: EventActor = "anyone",
): Promise<EventPage> {
  return readEventPage(scope, range, page, actor);
}

/** The newest 10,000 events of the range (anyone's, or its providers' members') for a CSV download. */
export function exportOrganizationEvents(
  scope: OrganizationScope,
  range: DateRange,
  actor: EventActor = "anyone",
): Promise<EventExport> {
  return readEventExport(scope, range, actor);
}
