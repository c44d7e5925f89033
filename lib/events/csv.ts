import { describeEvent } from "@/lib/audit/event-types";
import { toCsv } from "@/lib/csv";
import { EVENT_COLUMNS, eventClient, eventMember, type EventRow } from "./rows";

/** The event log as CSV, the same columns as the table; `truncatedAt` adds a last line saying rows were left out. */
export function eventsCsv(rows: readonly EventRow[], truncatedAt: number | null): string {
  const lines = rows.map((row) => {
    const member = eventMember(row);
    return [
      row.occurredAt.toISOString(),
      member.email ? `${member.name} (${member.email})` : member.name,
      describeEvent(row.type),
      eventClient(row) ?? "",
      row.ip ?? "",
    ];
  });
  if (truncatedAt !== null) {
    const note = `Only the newest ${truncatedAt.toLocaleString("en-US")} events of this range are included; export a shorter range to get the rest.`;
    lines.push([note, "", "", "", ""]);
  }
  return toCsv(EVENT_COLUMNS, lines);
}

/** "keyhouse-events-2026-10-01-to-2026-10-31.csv" */
export function eventsCsvFilename(prefix: string, range: { start: string; end: string }): string {
  return `${prefix}-events-${range.start}-to-${range.end}.csv`;
}
