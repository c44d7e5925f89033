import { csvResponse } from "@/lib/csv";
import { eventsCsv, eventsCsvFilename } from "./csv";
import { type DateRange, parseDateRange } from "./date-range";
import { type EventActor, parseEventActor } from "./event-actor";
import type { EventLogKind, EventRow } from "./rows";

/** What a scoped export read gives: the newest rows of the range, and the cap it stopped at when it left some out. */
export type EventExport = { rows: EventRow[]; truncatedAt: number | null };

/** The event log of the date range the request asks for, as a CSV download (the export routes of both logs). */
export async function eventsCsvDownload(
  request: Request,
  kind: EventLogKind,
  read: (range: DateRange, actor: EventActor) => Promise<EventExport>,
): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const parsed = parseDateRange(
    { start: query.get("start") ?? undefined, end: query.get("end") ?? undefined },
    new Date(),
  );
  // Unlike the page, a download of other dates than asked for would mislead: refuse it with the reason.
  if (!parsed.ok)
    return new Response(parsed.error, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { rows, truncatedAt } = await read(parsed.range, parseEventActor(query.get("by")));
  return csvResponse(eventsCsvFilename(kind, parsed.range), eventsCsv(kind, rows, truncatedAt));
}
