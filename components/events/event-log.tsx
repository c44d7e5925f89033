import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import type { EventPage } from "@/lib/dal/event-log";
import { type DateRange, parseDateRange } from "@/lib/events/date-range";
import { type EventActor, parseEventActor } from "@/lib/events/event-actor";
import type { EventLogKind } from "@/lib/events/rows";
import { DateRangeForm } from "./date-range-form";
import { EventTable } from "./event-table";

type Query = Record<string, string | string[] | undefined>;

export type EventLogQuery = { range: DateRange; actor: EventActor; page: number; rangeError: string | null };

/**
 * The date range, actor and page an event log's address asks for; unusable dates fall back to the last 30 days,
 * page 1.
 */
export function readEventLogQuery(query: Query): EventLogQuery {
  const parsed = parseDateRange(query, new Date());
  const actor = parseEventActor(query.by);
  return parsed.ok
    ? { range: parsed.range, actor, page: pageParam(query.page), rangeError: null }
    : { range: parsed.range, actor, page: 1, rangeError: parsed.error };
}

function logQuery({ range, actor }: Pick<EventLogQuery, "range" | "actor">, page?: number): string {
  const query = new URLSearchParams({ start: range.start, end: range.end });
  if (actor === "provider") query.set("by", actor);
  if (page && page > 1) query.set("page", String(page));
  return query.toString();
}

type EventLogProps = {
  kind: EventLogKind;
  /** The page's path; the CSV export lives at `${base}/export`. */
  base: string;
  description: string;
  query: EventLogQuery;
  events: EventPage;
  /** Offers "Done by: provider members" (an organization a provider manages). */
  actorChoice?: boolean;
};

/** An event log page (provider or organization): date range, CSV export, the table or an empty state, and paging. */
export function EventLog({ kind, base, description, query, events, actorChoice = false }: EventLogProps) {
  const { range, page, rangeError } = query;
  return (
    <>
      <PageHeader
        title="Event logs"
        description={description}
        actions={
          <a href={`${base}/export?${logQuery(query)}`} className={buttonClasses("secondary")} download>
            Export CSV
          </a>
        }
      />
      {rangeError ? (
        <Alert tone="error" title="Those dates could not be used" className="mb-4">
          {rangeError} Showing the last 30 days instead.
        </Alert>
      ) : null}
      <div className="mb-4">
        <DateRangeForm action={base} range={range} actor={actorChoice ? query.actor : undefined} />
      </div>
      {events.rows.length > 0 ? (
        <EventTable kind={kind} rows={events.rows} caption={`Events from ${range.start} to ${range.end}`} />
      ) : page > 1 ? (
        <EmptyState title="This page is past the last one.">
          <Link href={`${base}?${logQuery(query)}`} className="font-semibold text-brand-700 underline">
            Back to the first page
          </Link>
        </EmptyState>
      ) : (
        <EmptyState title="No events in this date range.">Choose other dates to see earlier events.</EmptyState>
      )}
      <Pagination
        page={page}
        pageSize={events.pageSize}
        total={events.total}
        href={(target) => `${base}?${logQuery(query, target)}`}
      />
    </>
  );
}
