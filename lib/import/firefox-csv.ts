import { cell, readCsv, trimmedCell } from "./csv";
import { loginItem } from "./items";
import { addItem, emptyResult, skipRow } from "./result";
import type { ParseResult } from "./types";

/** When the password was last changed: Firefox writes milliseconds since 1970. */
function revisionDate(milliseconds: string | null): string | null {
  const time = Number(milliseconds);
  return milliseconds && Number.isFinite(time) && time > 0 ? new Date(time).toISOString() : null;
}

/**
 * Firefox's password export: url,username,password,httpRealm,formActionOrigin,guid,timeCreated,timeLastUsed,
 * timePasswordChanged. It has no names: each login is named after its site.
 */
export function parseFirefoxCsv(text: string): ParseResult {
  const table = readCsv(text, "Firefox CSV", ["url", "username", "password"]);
  const result = emptyResult(table.skipped);
  for (const record of table.records) {
    const url = trimmedCell(record, "url");
    // Firefox keeps its own account sign-in among the passwords; it is not a website login.
    if (url?.startsWith("chrome://")) {
      skipRow(result, record.row, "It is Firefox's own account sign-in, not a website login.");
      continue;
    }
    const view = loginItem({
      name: null,
      uris: [url],
      username: cell(record, "username"),
      password: cell(record, "password"),
    });
    view.login!.passwordRevisionDate = revisionDate(cell(record, "timepasswordchanged"));
    addItem(result, record.row, view);
  }
  return result;
}
