import Papa from "papaparse";
import { ImportFileError, type SkippedRow } from "./types";

/** One data row: its spreadsheet row number (the header is row 1) and its cells by lower-cased column name. */
export type CsvRecord = { row: number; cells: Record<string, string> };

/** `columns` are lower-cased for lookups; `labels` are the same headers as written, for showing them. */
export type CsvTable = {
  columns: string[];
  labels: Record<string, string>;
  records: CsvRecord[];
  skipped: SkippedRow[];
};

const ROW_SHAPE_ERRORS = new Set(["TooFewFields", "TooManyFields"]);

/** Our CSV export puts one apostrophe before text a spreadsheet would run as a formula (lib/export/bitwarden-csv.ts). */
const ESCAPED_FORMULA = /^'(?='*[=+\-@\t\r])/;

type ReadOptions = { unescapeFormulae?: boolean };

/**
 * Reads a CSV file with a header row (papaparse), refusing a file that lacks the format's `required` columns or
 * whose quoting is broken. A row whose column count differs from the header's is skipped, not guessed at.
 */
export function readCsv(
  text: string,
  formatLabel: string,
  required: readonly string[],
  options: ReadOptions = {},
): CsvTable {
  const labels: Record<string, string> = {};
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    delimiter: ",",
    skipEmptyLines: false,
    transform: options.unescapeFormulae ? (value) => value.replace(ESCAPED_FORMULA, "") : undefined,
    transformHeader: (header) => {
      const column = header.trim().toLowerCase();
      labels[column] ??= header.trim();
      return column;
    },
  });
  const quoting = parsed.errors.find((error) => error.type === "Quotes");
  if (quoting)
    throw new ImportFileError(
      `The file is not valid CSV: a quoted value near row ${(quoting.row ?? 0) + 2} is not closed properly.`,
    );
  const columns = parsed.meta.fields ?? [];
  const missing = required.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new ImportFileError(
      `This is not a ${formatLabel} file: its first row needs the columns ${required.join(", ")} (missing: ${missing.join(", ")}).`,
    );
  }
  const misshapen = new Set(
    parsed.errors
      .filter((error) => ROW_SHAPE_ERRORS.has(error.code) && error.row !== undefined)
      .map((error) => error.row),
  );
  const records: CsvRecord[] = [];
  const skipped: SkippedRow[] = [];
  parsed.data.forEach((cells, index) => {
    const row = index + 2;
    if (isBlankLine(cells)) return;
    if (misshapen.has(index))
      skipped.push({
        row,
        reason: `The row has ${columnCount(cells)} columns where the first row has ${columns.length}.`,
      });
    else records.push({ row, cells });
  });
  return { columns, labels, records, skipped };
}

/** A blank line (a trailing newline, spacing between records) reads as one empty cell: not a row anyone wrote. */
function isBlankLine(cells: Record<string, unknown>): boolean {
  const present = Object.values(cells).filter((value) => value !== undefined);
  return present.length === 1 && typeof present[0] === "string" && present[0].trim() === "";
}

function columnCount(cells: Record<string, unknown>): number {
  const extra = cells.__parsed_extra;
  const present = Object.entries(cells).filter(
    ([key, value]) => key !== "__parsed_extra" && value !== undefined,
  ).length;
  return present + (Array.isArray(extra) ? extra.length : 0);
}

/** A cell's text, or null when it is empty. Values are kept exactly as written (a password may end in a space). */
export function cell(record: CsvRecord, column: string): string | null {
  const value = record.cells[column];
  return value === undefined || value === "" ? null : value;
}

/** A cell meant for display (name, URL, folder): trimmed, null when blank. */
export function trimmedCell(record: CsvRecord, column: string): string | null {
  return cell(record, column)?.trim() || null;
}
