import { toCsv } from "@/lib/csv";
import type { ExportItem, ExportSource } from "./types";

/** Bitwarden's organization CSV columns. */
export const BITWARDEN_CSV_COLUMNS = [
  "collections",
  "type",
  "name",
  "notes",
  "fields",
  "reprompt",
  "login_uri",
  "login_username",
  "login_password",
  "login_totp",
] as const;

/**
 * Text a spreadsheet would run as a formula gets an apostrophe in front (CSV injection). Unlike lib/csv.ts, text
 * that already starts with apostrophes before such a character gets one too, so our importer can take exactly one
 * away and every value comes back as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

function row(item: ExportItem, collectionNames: Map<string, string>): string[] {
  const { view } = item;
  const login = view.login;
  return [
    item.collectionIds.flatMap((id) => collectionNames.get(id) ?? []).join(","),
    view.type === "login" ? "login" : "note",
    view.name,
    view.notes ?? "",
    view.fields.map((field) => `${field.name ?? ""}: ${field.value ?? ""}`).join("\n"),
    String(view.reprompt),
    login?.uris.map((entry) => entry.uri).join(",") ?? "",
    login?.username ?? "",
    login?.password ?? "",
    login?.totp ?? "",
  ];
}

/**
 * Bitwarden's CSV holds logins and secure notes only, with custom fields as text; cards, identities and SSH keys
 * are left out (and counted, so the page can say so).
 */
export function toBitwardenCsv(source: ExportSource): { csv: string; leftOut: number } {
  const collectionNames = new Map(source.collections.map((collection) => [collection.id, collection.name]));
  const kept = source.items.filter((item) => item.view.type === "login" || item.view.type === "secure_note");
  const csv = toCsv(
    BITWARDEN_CSV_COLUMNS,
    kept.map((item) => row(item, collectionNames)),
    { formulaStart: FORMULA_START },
  );
  return { csv, leftOut: source.items.length - kept.length };
}
