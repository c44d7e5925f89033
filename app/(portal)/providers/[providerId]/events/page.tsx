import type { Metadata } from "next";
import { EventLog, readEventLogQuery } from "@/components/events/event-log";
import { requireProviderScope } from "@/lib/authz/scope";
import { listProviderEvents } from "@/lib/dal/provider-events";

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
  const events = await listProviderEvents(scope, query.range, query.page);
  return (
    <EventLog
      kind="provider"
      base={`/providers/${scope.providerId}/events`}
      description="What happened in the provider and what its members did in client organizations, newest first. Times are in UTC."
      query={query}
      events={events}
    />
  );
}
