import { requireProviderScope } from "@/lib/authz/scope";
import { exportProviderEvents, EVENTS_EXPORT_LIMIT } from "@/lib/dal/provider-events";
import { csvResponse } from "@/lib/csv";
import { eventsCsv, eventsCsvFilename } from "@/lib/events/csv";
import { parseDateRange } from "@/lib/events/date-range";

export const dynamic = "force-dynamic";

/** The event log of a date range as CSV (the newest 10,000 events; the file says when more were left out). */
export async function GET(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const scope = await requireProviderScope((await params).providerId, "provider.events.view");
  const query = new URL(request.url).searchParams;
  const parsed = parseDateRange({ start: query.get("start") ?? undefined, end: query.get("end") ?? undefined }, new Date());
  // Unlike the page, a download of other dates than asked for would mislead: refuse it with the reason.
  if (!parsed.ok) return new Response(parsed.error, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { rows, truncated } = await exportProviderEvents(scope, parsed.range);
  return csvResponse(eventsCsvFilename("keyhouse-provider", parsed.range), eventsCsv(rows, truncated ? EVENTS_EXPORT_LIMIT : null));
}
