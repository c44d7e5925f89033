export { toBitwardenCsv } from "./bitwarden-csv";
export { toBitwardenJson } from "./bitwarden-json";
export { toPasswordProtectedJson } from "./encrypted-json";
export type { ExportCollection, ExportItem, ExportSource } from "./types";

/** The export formats, Bitwarden's: the plaintext ones need a warning before the file is written. */
export const EXPORT_FORMATS = [
  { id: "json", label: "Bitwarden (json)", extension: "json", mimeType: "application/json", plaintext: true },
  { id: "csv", label: "Bitwarden (csv)", extension: "csv", mimeType: "text/csv", plaintext: true },
  {
    id: "encrypted_json",
    label: "Encrypted JSON (password protected)",
    extension: "json",
    mimeType: "application/json",
    plaintext: false,
  },
] as const;

export type ExportFormatId = (typeof EXPORT_FORMATS)[number]["id"];
export const EXPORT_FORMAT_IDS = EXPORT_FORMATS.map((format) => format.id) as [ExportFormatId, ...ExportFormatId[]];

export function exportFormat(id: ExportFormatId): (typeof EXPORT_FORMATS)[number] {
  return EXPORT_FORMATS.find((format) => format.id === id)!;
}

/** keyhouse_org_export_20260102030405.json, after Bitwarden's naming, in the browser's local time. */
export function exportFileName(format: ExportFormatId, now: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `keyhouse_org_export${format === "encrypted_json" ? "_encrypted" : ""}_${stamp}.${exportFormat(format).extension}`;
}
