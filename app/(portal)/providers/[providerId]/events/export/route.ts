import { requireProviderScope } from "@/lib/authz/scope";
import { exportProviderEvents } from "@/lib/dal/provider-events";
import { eventsCsvDownload } from "@/lib/events/export";

export const dynamic = "force-dynamic";

/** The event log of a date range as CSV (the newest 10,000 events; the file says when more were left out). */
export async function GET(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const scope = await requireProviderScope((await params).providerId, "provider.events.view");
  return eventsCsvDownload(request, "provider", (range) => exportProviderEvents(scope, range));
}
