import { cell, readCsv, trimmedCell } from "./csv";
import { loginItem } from "./items";
import { addItem, emptyResult } from "./result";
import type { ParseResult } from "./types";

/** Chrome's and Edge's password export: name,url,username,password[,note]. */
export function parseChromeCsv(text: string): ParseResult {
  const table = readCsv(text, "Chrome or Edge CSV", ["name", "url", "username", "password"]);
  const result = emptyResult(table.skipped);
  for (const record of table.records) {
    const view = loginItem({
      name: trimmedCell(record, "name"),
      uris: [trimmedCell(record, "url")],
      username: cell(record, "username"),
      password: cell(record, "password"),
      notes: cell(record, "note"),
    });
    addItem(result, record.row, view);
  }
  return result;
}
