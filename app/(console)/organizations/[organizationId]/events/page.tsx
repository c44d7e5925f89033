import type { Metadata } from "next";
import { EventLog } from "@/components/events/event-log";
import { requireOrgScope } from "@/lib/authz/scope";
import { listEvents } from "@/lib/dal/event-log";
import { getOrganization } from "@/lib/dal/organizations";
import { readEventLogQuery } from "@/lib/events/event-filter";

export const metadata: Metadata = { title: "Event logs" };

export default async function OrganizationEventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ organizationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.events.view");
  const query = readEventLogQuery(await searchParams);
  const [organization, events] = await Promise.all([
    getOrganization(scope),
    listEvents(scope, query.filter, query.cursor),
  ]);
  return (
    <EventLog
      kind="organization"
      base={`/organizations/${scope.organizationId}/events`}
      description="What happened in the organization, newest first; what a provider's members did here names their provider. Times are in UTC."
      query={query}
      events={events}
      actorChoice={organization.providerName !== null || query.filter.actor === "provider"}
    />
  );
}
