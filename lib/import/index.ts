import { parseBitwardenCsv } from "./bitwarden-csv";
import { isPasswordProtectedDocument, parseBitwardenJsonDocument, readJson } from "./bitwarden-json";
import { isPasswordProtectedExport, parseProtectedBitwardenDocument } from "./bitwarden-protected-json";
import { parseChromeCsv } from "./chrome-csv";
import { parseFirefoxCsv } from "./firefox-csv";
import { parseKeePassXml } from "./keepass-xml";
import { parseLastPassCsv } from "./lastpass-csv";
import { parseOnePasswordCsv } from "./onepassword-csv";
import type { ParseResult } from "./types";

export { ImportFileError, type ParsedItem, type ParseResult, type SkippedRow } from "./types";
export { importFileHash } from "./file-hash";

export type ImportFormat = {
  id: string;
  label: string;
  /** For the file picker's `accept`. */
  extensions: string[];
  /** What a skipped entry's `row` counts: spreadsheet rows, JSON items or XML entries. */
  rowLabel: "Row" | "Item" | "Entry";
  /** Reads the file's text; `password` is used only by formats that can be password protected. */
  parse: (text: string, password: string) => ParseResult | Promise<ParseResult>;
  /** Whether this file needs a password before it can be read. */
  needsPassword?: (text: string) => boolean;
};

/** Bitwarden's JSON, plain or password protected: the file itself says which. It is read as JSON once. */
function parseAnyBitwardenJson(text: string, password: string): ParseResult | Promise<ParseResult> {
  const document = readJson(text);
  return isPasswordProtectedDocument(document)
    ? parseProtectedBitwardenDocument(document, password)
    : parseBitwardenJsonDocument(document);
}

export const IMPORT_FORMATS = [
  {
    id: "bitwarden-json",
    label: "Bitwarden (json, also password protected)",
    extensions: [".json"],
    rowLabel: "Item",
    parse: parseAnyBitwardenJson,
    needsPassword: isPasswordProtectedExport,
  },
  { id: "bitwarden-csv", label: "Bitwarden (csv)", extensions: [".csv"], rowLabel: "Row", parse: parseBitwardenCsv },
  { id: "chrome-csv", label: "Chrome or Edge (csv)", extensions: [".csv"], rowLabel: "Row", parse: parseChromeCsv },
  { id: "firefox-csv", label: "Firefox (csv)", extensions: [".csv"], rowLabel: "Row", parse: parseFirefoxCsv },
  { id: "lastpass-csv", label: "LastPass (csv)", extensions: [".csv"], rowLabel: "Row", parse: parseLastPassCsv },
  {
    id: "onepassword-csv",
    label: "1Password (csv)",
    extensions: [".csv"],
    rowLabel: "Row",
    parse: parseOnePasswordCsv,
  },
  { id: "keepass-xml", label: "KeePass 2 (xml)", extensions: [".xml"], rowLabel: "Entry", parse: parseKeePassXml },
] as const satisfies readonly ImportFormat[];

export function importFormat(id: string): ImportFormat | undefined {
  return IMPORT_FORMATS.find((format) => format.id === id);
}
