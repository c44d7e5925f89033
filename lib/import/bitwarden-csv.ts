import type { FieldView } from "@/lib/vault/cipher-model";
import { cell, readCsv, trimmedCell } from "./csv";
import { customField, loginItem, noteItem } from "./items";
import { addItem, emptyResult, skipRow } from "./result";
import type { ParseResult } from "./types";

/**
 * Bitwarden's CSV: logins and secure notes only. Individual exports start with folder,favorite; organization
 * exports with collections. Custom fields are "name: value" lines in one cell; URIs are comma-separated.
 */
const COMMON_COLUMNS = ["type", "name", "notes", "fields", "login_uri", "login_username", "login_password"];

/** "name: value" per line; a line without ": " is a field with a name and no value. */
export function readFieldLines(text: string | null): FieldView[] {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const separator = line.indexOf(": ");
      return separator < 0 ? customField(line, null) : customField(line.slice(0, separator), line.slice(separator + 2));
    });
}

export function parseBitwardenCsv(text: string): ParseResult {
  const table = readCsv(text, "Bitwarden CSV", COMMON_COLUMNS, { unescapeFormulae: true });
  const result = emptyResult(table.skipped);
  for (const record of table.records) {
    const type = trimmedCell(record, "type")?.toLowerCase() ?? "login";
    if (type !== "login" && type !== "note") {
      skipRow(result, record.row, "Its type is neither login nor note, the only types Bitwarden's CSV holds.");
      continue;
    }
    const name = trimmedCell(record, "name");
    const notes = cell(record, "notes");
    const fields = readFieldLines(cell(record, "fields"));
    const view =
      type === "note"
        ? noteItem(name, notes, fields)
        : loginItem({
            name,
            notes,
            fields,
            uris: (cell(record, "login_uri") ?? "").split(","),
            username: cell(record, "login_username"),
            password: cell(record, "login_password"),
            totp: trimmedCell(record, "login_totp"),
          });
    view.reprompt = trimmedCell(record, "reprompt") === "1" ? 1 : 0;
    addItem(result, record.row, view, trimmedCell(record, "folder") ?? trimmedCell(record, "collections"));
  }
  return result;
}
