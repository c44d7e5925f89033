import { requireOrgScope } from "@/lib/authz/scope";
import { exportOrganizationEvents } from "@/lib/dal/organization-events";
import { eventsCsvDownload } from "@/lib/events/export";

export const dynamic = "force-dynamic";

/**
 * The organization's event log of a date range (anyone's, or provider members') as CSV: the newest 10,000 events; the
 * file says when more were left out.
 */
export async function GET(request: Request, { params }: { params: Promise<{ organizationId: string }> }) {
  const scope = await requireOrgScope((await params).organizationId, "org.events.view");
  return eventsCsvDownload(request, "organization", (range, actor) => exportOrganizationEvents(scope, range, actor));
}
