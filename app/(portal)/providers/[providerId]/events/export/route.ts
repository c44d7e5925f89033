import { requireProviderScope } from "@/lib/authz/scope";
import { exportEvents } from "@/lib/dal/event-log";
import { eventsCsvDownload } from "@/lib/server/event-export";

export const dynamic = "force-dynamic";

/** The rolled-up event log the filter matches as CSV, streamed: every matching event, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const scope = await requireProviderScope((await params).providerId, "provider.events.view");
  return eventsCsvDownload(request, "provider", (filter) => exportEvents(scope, filter));
}
