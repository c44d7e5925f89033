import type { Metadata } from "next";
import { EventLog, readEventLogQuery } from "@/components/events/event-log";
import { requireOrgScope } from "@/lib/authz/scope";
import { listOrganizationEvents } from "@/lib/dal/organization-events";
import { getOrganization } from "@/lib/dal/organizations";

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
    listOrganizationEvents(scope, query.range, query.page, query.actor),
  ]);
  return (
    <EventLog
      kind="organization"
      base={`/organizations/${scope.organizationId}/events`}
      description="What happened in the organization, newest first; what a provider's members did here names their provider. Times are in UTC."
      query={query}
      events={events}
      actorChoice={organization.providerName !== null || query.actor === "provider"}
    />
  );
}
