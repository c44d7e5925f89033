import "server-only";
import { eq, type SQL } from "drizzle-orm";
import { events } from "@/db/schema";
import { assertScope, type OrganizationScope } from "@/lib/authz/scope-brand";
import type { DateRange } from "@/lib/events/date-range";
import type { EventExport } from "@/lib/events/export";
import { type EventPage, readEventExport, readEventPage } from "./event-log";

/**
 * An organization's events are rows carrying its id: what its members did, and what the managing provider's
 * members did inside it (those rows also carry the provider's id). This condition is part of every statement.
 */
function organizationEvents(scope: OrganizationScope): SQL {
  return eq(events.organizationId, assertScope(scope).organizationId);
}

/** One page of the organization's events in a date range, newest first, and how many the range holds. */
export function listOrganizationEvents(scope: OrganizationScope, range: DateRange, page: number): Promise<EventPage> {
  return readEventPage(organizationEvents(scope), range, page);
}

/** The newest 10,000 events of the range for a CSV download. */
export function exportOrganizationEvents(scope: OrganizationScope, range: DateRange): Promise<EventExport> {
  return readEventExport(organizationEvents(scope), range);
}
