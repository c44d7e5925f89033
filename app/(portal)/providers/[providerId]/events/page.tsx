import type { Metadata } from "next";
import { EventLog } from "@/components/events/event-log";
import { requireProviderScope } from "@/lib/authz/scope";
import { listEvents } from "@/lib/dal/event-log";
import { readEventLogQuery } from "@/lib/events/event-filter";

export const metadata: Metadata = { title: "Event logs" };

export default async function ProviderEventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ providerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { providerId } = await params;
  const scope = await requireProviderScope(providerId, "provider.events.view");
  const query = readEventLogQuery(await searchParams);
  const events = await listEvents(scope, query.filter, query.cursor);
  return (
    <EventLog
      kind="provider"
      base={`/providers/${scope.providerId}/events`}
      description="Everything that happened in the provider and in its clients, whoever did it, newest first. Times are in UTC."
      query={query}
      events={events}
    />
  );
}
