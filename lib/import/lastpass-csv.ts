import { type CipherView, newCipher } from "@/lib/vault/cipher-model";
import { cell, type CsvRecord, readCsv, trimmedCell } from "./csv";
import { customField, loginItem, noteItem } from "./items";
import { addItem, emptyResult } from "./result";
import type { ParseResult } from "./types";

/** LastPass marks secure notes with this URL. */
const SECURE_NOTE_URL = "http://sn";

/** Keys of a structured note that say how LastPass showed it, not what the person stored. */
const NOTE_META_KEYS = new Set(["NoteType", "Language"]);

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

type StructuredNote = { noteType: string; values: Map<string, string>; notes: string | null };

/**
 * A structured secure note ("NoteType:Credit Card\nName on Card:…\nNotes:…"): one "Key:Value" per line, and the
 * free-text "Notes:" last, running to the end (it may span lines).
 */
function readStructuredNote(extra: string): StructuredNote | null {
  if (!extra.startsWith("NoteType:")) return null;
  const values = new Map<string, string>();
  let notes: string | null = null;
  const lines = extra.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (key === "Notes") {
      notes = [value, ...lines.slice(index + 1)].join("\n").trim() || null;
      break;
    }
    values.set(key, value);
  }
  return { noteType: values.get("NoteType") ?? "", values, notes };
}

/** "June,2025" → month "6", year "2025". */
function expiration(value: string | undefined): { expMonth: string | null; expYear: string | null } {
  const [month, year] = (value ?? "").split(",").map((part) => part.trim());
  const index = MONTHS.indexOf((month ?? "").toLowerCase());
  return { expMonth: index >= 0 ? String(index + 1) : null, expYear: year || null };
}

/** The note's remaining keys as custom fields (empty ones left out). */
function remainingFields(note: StructuredNote, used: readonly string[]) {
  return [...note.values]
    .filter(([key, value]) => !NOTE_META_KEYS.has(key) && !used.includes(key) && value.trim() !== "")
    .map(([key, value]) => customField(key, value));
}

const CARD_KEYS = ["Name on Card", "Type", "Number", "Security Code", "Expiration Date"] as const;

function cardItem(name: string | null, note: StructuredNote): CipherView {
  const view = newCipher("card", name ?? "");
  const value = (key: (typeof CARD_KEYS)[number]) => note.values.get(key)?.trim() || null;
  view.card = {
    cardholderName: value("Name on Card"),
    brand: value("Type"),
    number: value("Number"),
    code: value("Security Code"),
    ...expiration(note.values.get("Expiration Date")),
  };
  view.notes = note.notes;
  view.fields = remainingFields(note, CARD_KEYS);
  return view;
}

/** A secure note: a card when LastPass typed it as one, otherwise a note whose typed values become custom fields. */
function secureNoteItem(record: CsvRecord): CipherView {
  const name = trimmedCell(record, "name");
  const extra = cell(record, "extra") ?? "";
  const structured = readStructuredNote(extra);
  if (!structured) return noteItem(name, extra);
  if (structured.noteType === "Credit Card") return cardItem(name, structured);
  return noteItem(name, structured.notes, remainingFields(structured, []));
}

/** LastPass's export: url,username,password,totp,extra,name,grouping,fav; "grouping" is the folder ("A\B"). */
export function parseLastPassCsv(text: string): ParseResult {
  const table = readCsv(text, "LastPass CSV", ["url", "username", "password", "extra", "name", "grouping"]);
  const result = emptyResult(table.skipped);
  for (const record of table.records) {
    const url = trimmedCell(record, "url");
    const view =
      url === SECURE_NOTE_URL
        ? secureNoteItem(record)
        : loginItem({
            name: trimmedCell(record, "name"),
            uris: [url],
            username: cell(record, "username"),
            password: cell(record, "password"),
            totp: trimmedCell(record, "totp"),
            notes: cell(record, "extra"),
          });
    const grouping = trimmedCell(record, "grouping");
    addItem(result, record.row, view, grouping && grouping !== "(none)" ? grouping.replaceAll("\\", "/") : null);
  }
  return result;
}
