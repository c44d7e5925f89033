import { describeEvent } from "@/lib/events/event-types";
import { toCsv, toCsvRows } from "@/lib/csv";
import {
  EVENT_COLUMNS,
  type EventColumn,
  type EventLogKind,
  eventClient,
  eventMember,
  eventMemberText,
  type EventRow,
} from "./rows";

/** A row's cell in one column, as text. */
function cellText(row: EventRow, column: EventColumn, kind: EventLogKind): string {
  switch (column) {
    case "Timestamp":
      return row.occurredAt.toISOString();
    case "Member":
      return eventMemberText(eventMember(row, kind));
    case "Event":
      return describeEvent(row.type);
    case "Client":
      return eventClient(row) ?? "";
    case "IP":
      return row.ip ?? "";
  }
}

/** The CSV header line of an event log: the same columns as its table. */
export function eventsCsvHeader(kind: EventLogKind): string {
  return `${toCsv(EVENT_COLUMNS[kind], [])}\r\n`;
}

/** Event rows as CSV lines, to follow the header. */
export function eventsCsvRows(kind: EventLogKind, rows: readonly EventRow[]): string {
  const columns = EVENT_COLUMNS[kind];
  return toCsvRows(rows.map((row) => columns.map((column) => cellText(row, column, kind))));
}

/** "keyhouse-provider-events-2026-10-01-to-2026-10-31.csv" */
export function eventsCsvFilename(kind: EventLogKind, range: { start: string; end: string }): string {
  return `keyhouse-${kind}-events-${range.start}-to-${range.end}.csv`;
}
