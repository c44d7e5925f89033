import "server-only";
import { csvResponse } from "@/lib/csv";
import { log, summarizeError } from "@/lib/server/log";
import { eventsCsvFilename, eventsCsvHeader, eventsCsvRows } from "@/lib/events/csv";
import { type EventFilter, readEventLogQuery } from "@/lib/events/event-filter";
import type { EventLogKind, EventRow } from "@/lib/events/rows";

/**
 * The events the request's filter matches as a CSV download, streamed batch by batch so a range of any size leaves
 * in constant memory (the export routes of both logs). The first batch is read before answering, so a database that
 * is down gets the usual error answer rather than a broken file.
 */
export async function eventsCsvDownload(
  request: Request,
  kind: EventLogKind,
  read: (filter: EventFilter) => AsyncGenerator<EventRow[]>,
): Promise<Response> {
  const { filter, rangeError } = readEventLogQuery(Object.fromEntries(new URL(request.url).searchParams));
  // Unlike the page, a download of other dates than asked for would mislead: refuse it with the reason.
  if (rangeError)
    return new Response(rangeError, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const batches = read(filter);
  const first = await batches.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(eventsCsvHeader(kind)));
      if (!first.done) controller.enqueue(encoder.encode(eventsCsvRows(kind, first.value)));
      if (first.done) controller.close();
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(eventsCsvRows(kind, next.value)));
      } catch (error) {
        log.error({ err: summarizeError(error) }, "event export stopped");
        controller.error(new Error("The export stopped before its end."));
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return csvResponse(eventsCsvFilename(kind, filter.range), body);
}
