import { requireOrgScope } from "@/lib/authz/scope";
import { exportEvents } from "@/lib/dal/event-log";
import { eventsCsvDownload } from "@/lib/server/event-export";

export const dynamic = "force-dynamic";

/** The organization's event log the filter matches as CSV, streamed: every matching event, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ organizationId: string }> }) {
  const scope = await requireOrgScope((await params).organizationId, "org.events.view");
  return eventsCsvDownload(request, "organization", (filter) => exportEvents(scope, filter));
}
