import type { CipherView } from "@/lib/vault/cipher-model";

/**
 * One item read from a file, in the clear (it stays in the browser until it is encrypted), with the row it came
 * from, so a later refusal can still name it.
 */
export type ParsedItem = { view: CipherView; folder?: string; row: number | string };

/** A row or item left out, and why: `row` is the spreadsheet row (CSV) or the item's position (JSON, XML). */
export type SkippedRow = { row: number | string; reason: string };

export type ParseResult = { items: ParsedItem[]; skipped: SkippedRow[] };

/**
 * A file that cannot be read as the chosen format at all, so nothing is imported. Its message is a fixed sentence
 * written here, never built from the file's content, so no secret can reach a toast, a log or an error report.
 */
export class ImportFileError extends Error {
  override readonly name = "ImportFileError";
}
