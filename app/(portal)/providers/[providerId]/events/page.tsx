import type { Metadata } from "next";
import Link from "next/link";
import { DateRangeForm } from "@/components/events/date-range-form";
import { EventTable } from "@/components/events/event-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { requireProviderScope } from "@/lib/authz/scope";
import { EVENTS_PER_PAGE, listProviderEvents } from "@/lib/dal/provider-events";
import { type DateRange, parseDateRange } from "@/lib/events/date-range";

export const metadata: Metadata = { title: "Event logs" };

type Query = Record<string, string | string[] | undefined>;

function rangeQuery(range: DateRange, page?: number): string {
  const query = new URLSearchParams({ start: range.start, end: range.end });
  if (page && page > 1) query.set("page", String(page));
  return query.toString();
}

export default async function ProviderEventsPage({ params, searchParams }: { params: Promise<{ providerId: string }>; searchParams: Promise<Query> }) {
  const { providerId } = await params;
  const scope = await requireProviderScope(providerId, "provider.events.view");
  const query = await searchParams;
  const parsed = parseDateRange(query, new Date());
  const { range } = parsed;
  const page = parsed.ok ? pageParam(query.page) : 1;
  const { rows, total } = await listProviderEvents(scope, range, page);
  const base = `/providers/${scope.providerId}/events`;
  return (
    <>
      <PageHeader
        title="Event logs"
        description="What happened in the provider and what its members did in client organizations, newest first. Times are in UTC."
        actions={
          <a href={`${base}/export?${rangeQuery(range)}`} className={buttonClasses("secondary")} download>
            Export CSV
          </a>
        }
      />
      {parsed.ok ? null : (
        <Alert tone="error" title="Those dates could not be used" className="mb-4">
          {parsed.error} Showing the last 30 days instead.
        </Alert>
      )}
      <div className="mb-4">
        <DateRangeForm action={base} range={range} />
      </div>
      {rows.length > 0 ? (
        <EventTable rows={rows} caption={`Events from ${range.start} to ${range.end}`} />
      ) : page > 1 ? (
        <EmptyState title="This page is past the last one.">
          <Link href={`${base}?${rangeQuery(range)}`} className="font-semibold text-brand-700 underline">
            Back to the first page
          </Link>
        </EmptyState>
      ) : (
        <EmptyState title="No events in this date range.">Choose other dates to see earlier events.</EmptyState>
      )}
      <Pagination page={page} pageSize={EVENTS_PER_PAGE} total={total} href={(target) => `${base}?${rangeQuery(range, target)}`} />
    </>
  );
}
