import { type CsvRecord, cell, readCsv, trimmedCell } from "./csv";
import { customField, loginItem, noteItem } from "./items";
import { addItem, emptyResult } from "./result";
import { ImportFileError, type ParseResult } from "./types";

/**
 * 1Password's CSV exports differ by version (1Password 8: Title,Url,Username,Password,OTPAuth,Favorite,Archived,
 * Tags,Notes; older apps: title,website,username,password,notes,…). Columns are found by name, whatever their order.
 */
const COLUMNS = {
  name: ["title", "name"],
  url: ["url", "website", "urls", "login url", "location"],
  username: ["username", "login username", "user name"],
  password: ["password", "login password"],
  totp: ["otpauth", "one-time password", "totp", "otp"],
  notes: ["notes", "notesplain", "note"],
} as const;

/** Columns that describe the item in 1Password itself; everything else becomes a custom field. */
const METADATA = new Set([
  "favorite",
  "archived",
  "tags",
  "type",
  "category",
  "uuid",
  "vault",
  "created",
  "modified",
  "createdat",
  "updatedat",
  "scope",
  "ainfo",
]);

type Role = keyof typeof COLUMNS;

function columnFor(columns: string[], role: Role): string | null {
  return COLUMNS[role].find((alias) => columns.includes(alias)) ?? null;
}

export function parseOnePasswordCsv(text: string): ParseResult {
  const table = readCsv(text, "1Password CSV", []);
  const found = Object.fromEntries(
    (Object.keys(COLUMNS) as Role[]).map((role) => [role, columnFor(table.columns, role)]),
  ) as Record<Role, string | null>;
  if (!found.name || !(found.url || found.username || found.password || found.notes)) {
    throw new ImportFileError(
      "This is not a 1Password CSV file: its first row needs a Title column and a URL, Username, Password or Notes column.",
    );
  }
  const known = new Set([...Object.values(found), ...METADATA]);
  const extraColumns = table.columns.filter((column) => column && !known.has(column));
  const read = (record: CsvRecord, role: Role, trim = false) => {
    const column = found[role];
    if (!column) return null;
    return trim ? trimmedCell(record, column) : cell(record, column);
  };
  const result = emptyResult(table.skipped);
  for (const record of table.records) {
    const fields = extraColumns.flatMap((column) => {
      const value = cell(record, column);
      return value ? [customField(table.labels[column] ?? column, value)] : [];
    });
    const login = {
      uris: [read(record, "url", true)],
      username: read(record, "username"),
      password: read(record, "password"),
      totp: read(record, "totp", true),
    };
    const isLogin = login.uris[0] || login.username || login.password || login.totp;
    const name = read(record, "name", true);
    const view = isLogin
      ? loginItem({ name, ...login, notes: read(record, "notes"), fields })
      : noteItem(name, read(record, "notes"), fields);
    addItem(result, record.row, view);
  }
  return result;
}
