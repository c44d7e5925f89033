import { describeEvent } from "@/lib/events/event-types";
import { toCsv } from "@/lib/csv";
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

/** The event log as CSV, the same columns as its table; `truncatedAt` adds a last line saying rows were left out. */
export function eventsCsv(kind: EventLogKind, rows: readonly EventRow[], truncatedAt: number | null): string {
  const columns = EVENT_COLUMNS[kind];
  const lines = rows.map((row) => columns.map((column) => cellText(row, column, kind)));
  if (truncatedAt !== null) {
    const note = `Only the newest ${truncatedAt.toLocaleString("en-US")} events of this range are included; export a shorter range to get the rest.`;
    lines.push(columns.map((_, index) => (index === 0 ? note : "")));
  }
  return toCsv(columns, lines);
}

/** "keyhouse-provider-events-2026-10-01-to-2026-10-31.csv" */
export function eventsCsvFilename(kind: EventLogKind, range: { start: string; end: string }): string {
  return `keyhouse-${kind}-events-${range.start}-to-${range.end}.csv`;
}
