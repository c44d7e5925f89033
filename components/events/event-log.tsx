import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { EventPage } from "@/lib/dal/event-log";
import { type EventFilter, type EventLogQuery, eventLogSearch } from "@/lib/events/event-filter";
import type { EventLogKind } from "@/lib/events/rows";
import { EventFilterForm } from "./event-filter-form";
import { EventTable } from "./event-table";

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

function isFiltered(filter: EventFilter): boolean {
  return filter.actor === "provider" || filter.client !== "" || filter.member !== "" || filter.type !== null;
}

/**
 * An event log page (a provider's rolled-up log or an organization's): the filter, the CSV export of everything it
 * matches, the table or an empty state, and links to newer and older events.
 */
export function EventLog({ kind, base, description, query, events, actorChoice = false }: EventLogProps) {
  const { filter, cursor, rangeError } = query;
  const href = (target: Parameters<typeof eventLogSearch>[1]) => `${base}?${eventLogSearch(filter, target)}`;
  const linkClass = buttonClasses("secondary");
  return (
    <>
      <PageHeader
        title="Event logs"
        description={description}
        actions={
          <a href={`${base}/export?${eventLogSearch(filter)}`} className={buttonClasses("secondary")} download>
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
        <EventFilterForm action={base} filter={filter} actorChoice={actorChoice} clientChoice={kind === "provider"} />
      </div>
      {events.rows.length > 0 ? (
        <EventTable
          kind={kind}
          rows={events.rows}
          caption={`Events from ${filter.range.start} to ${filter.range.end}`}
        />
      ) : cursor ? (
        <EmptyState title="No more events this way.">
          <Link href={href(null)} className="font-semibold text-brand-700 underline">
            Back to the newest events
          </Link>
        </EmptyState>
      ) : (
        <EmptyState title={isFiltered(filter) ? "No events match this filter." : "No events in this date range."}>
          {isFiltered(filter) ? "Widen the filter or choose other dates." : "Choose other dates to see earlier events."}
        </EmptyState>
      )}
      {events.newer || events.older ? (
        <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-end gap-2 text-sm">
          {cursor ? (
            <Link href={href(null)} className={linkClass}>
              Newest
            </Link>
          ) : null}
          {events.newer ? (
            <Link href={href(events.newer)} className={linkClass}>
              Newer events
            </Link>
          ) : null}
          {events.older ? (
            <Link href={href(events.older)} className={linkClass}>
              Older events
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
