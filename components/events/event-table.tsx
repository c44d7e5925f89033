import { type EventLogKind, type EventRow, eventView } from "@/lib/events/rows";
import { EventViewTable } from "./event-view-table";

/**
 * The event log as a table, with the columns of its kind (lib/events/rows.ts), from plain rows of a scoped read. The
 * browser draws it from each row's view (what the table shows, and no user agent or id besides): sending 50 rows as
 * data rather than rendering every cell on the server keeps the page cheap (`npm run bench:server` measures it).
 */
export function EventTable({
  rows,
  caption,
  kind,
}: {
  rows: readonly EventRow[];
  caption: string;
  kind: EventLogKind;
}) {
  return <EventViewTable kind={kind} caption={caption} rows={rows.map((row) => eventView(row, kind))} />;
}
