import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import type { EventPage } from "@/lib/dal/event-log";
import { type DateRange, parseDateRange } from "@/lib/events/date-range";
import type { EventLogKind } from "@/lib/events/rows";
import { DateRangeForm } from "./date-range-form";
import { EventTable } from "./event-table";

type Query = Record<string, string | string[] | undefined>;

export type EventLogQuery = { range: DateRange; page: number; rangeError: string | null };

/** The date range and page an event log's address asks for; unusable dates fall back to the last 30 days, page 1. */
export function readEventLogQuery(query: Query): EventLogQuery {
  const parsed = parseDateRange(query, new Date());
  return parsed.ok
    ? { range: parsed.range, page: pageParam(query.page), rangeError: null }
    : { range: parsed.range, page: 1, rangeError: parsed.error };
}

function rangeQuery(range: DateRange, page?: number): string {
  const query = new URLSearchParams({ start: range.start, end: range.end });
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
};

/** An event log page (provider or organization): date range, CSV export, the table or an empty state, and paging. */
export function EventLog({ kind, base, description, query, events }: EventLogProps) {
  const { range, page, rangeError } = query;
  return (
    <>
      <PageHeader
        title="Event logs"
        description={description}
        actions={
          <a href={`${base}/export?${rangeQuery(range)}`} className={buttonClasses("secondary")} download>
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
        <DateRangeForm action={base} range={range} />
      </div>
      {events.rows.length > 0 ? (
        <EventTable kind={kind} rows={events.rows} caption={`Events from ${range.start} to ${range.end}`} />
      ) : page > 1 ? (
        <EmptyState title="This page is past the last one.">
          <Link href={`${base}?${rangeQuery(range)}`} className="font-semibold text-brand-700 underline">
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
        href={(target) => `${base}?${rangeQuery(range, target)}`}
      />
    </>
  );
}
