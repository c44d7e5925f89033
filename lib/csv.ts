import { unparse } from "papaparse";

/**
 * A cell starting with one of these is a formula to spreadsheet programs (CSV injection): papaparse prefixes it
 * with an apostrophe. Its own default pattern stops at the first line break, so this one looks at the start only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV document (RFC 4180: CRLF line ends, quotes where needed) with formula-like text cells neutralised.
 * `formulaStart` replaces the pattern of what counts as a formula (the vault export's differs).
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  { formulaStart = FORMULA_START }: { formulaStart?: RegExp } = {},
): string {
  return unparse(
    { fields: [...header], data: rows.map((row) => [...row]) },
    { escapeFormulae: formulaStart, newline: "\r\n" },
  );
}

/** Rows only, each ending in CRLF, to follow a header already sent (a streamed document). */
export function toCsvRows(rows: readonly (readonly (string | number)[])[]): string {
  if (rows.length === 0) return "";
  return `${unparse(
    rows.map((row) => [...row]),
    { escapeFormulae: FORMULA_START, newline: "\r\n", header: false },
  )}\r\n`;
}

/** A download: the browser saves it under `filename` instead of showing it, and no cache keeps a copy. */
export function csvResponse(filename: string, body: string | ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
