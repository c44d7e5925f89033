import { unparse } from "papaparse";
import { describeEvent } from "@/lib/audit/event-types";
import { EVENT_COLUMNS, eventClient, eventMember, type EventRow } from "./rows";

/**
 * A cell starting with one of these is a formula to spreadsheet programs (CSV injection): papaparse prefixes it
 * with an apostrophe. Its own default pattern stops at the first line break, so this one looks at the start only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV document (RFC 4180: CRLF line ends, quotes where needed) with formula-like text cells neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return unparse({ fields: [...header], data: rows.map((row) => [...row]) }, { escapeFormulae: FORMULA_START, newline: "\r\n" });
}

/** A download: the browser saves it under `filename` instead of showing it, and no cache keeps a copy. */
export function csvResponse(filename: string, body: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}

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
