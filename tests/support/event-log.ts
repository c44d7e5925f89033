import { readEventLogQuery, type EventFilter } from "@/lib/events/event-filter";
import type { EventRow } from "@/lib/events/rows";

/** An event log's filter as its address would give it (`{ start, end, client, member, type, by }`). */
export function eventFilter(query: Record<string, string>): EventFilter {
  return readEventLogQuery(query).filter;
}

/** Every row a streamed export yields, in order. */
export async function exportedRows(batches: AsyncGenerator<EventRow[]>): Promise<EventRow[]> {
  const rows: EventRow[] = [];
  for await (const batch of batches) rows.push(...batch);
  return rows;
}
