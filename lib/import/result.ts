import { CIPHER_LIMITS, type CipherView } from "@/lib/vault/cipher-model";
import { hostOf } from "./items";
import { limitProblem } from "./limits";
import type { ParseResult, SkippedRow } from "./types";

export const NOTHING_TO_IMPORT = "It has no name, URL, username, password or notes.";

/** A result to fill, starting with rows the reader already skipped (malformed CSV rows). */
export function emptyResult(skipped: SkippedRow[] = []): ParseResult {
  return { items: [], skipped: [...skipped] };
}

export function skipRow(result: ParseResult, row: number | string, reason: string): void {
  result.skipped.push({ row, reason });
}

function hasContent(view: CipherView): boolean {
  const filled = (record: Record<string, string | null> | null) =>
    record !== null && Object.values(record).some((value) => !!value);
  const login = view.login;
  return (
    !!view.notes ||
    (login !== null &&
      (!!login.username || !!login.password || !!login.totp || login.uris.some((entry) => entry.uri.trim() !== ""))) ||
    filled(view.card) ||
    filled(view.identity) ||
    filled(view.sshKey) ||
    view.fields.length > 0
  );
}

/** Drops what cannot be stored empty (blank URIs, blank old passwords) and keeps the newest old passwords. */
function tidy(view: CipherView): CipherView {
  const login = view.login ? { ...view.login, uris: view.login.uris.filter((entry) => entry.uri.trim() !== "") } : null;
  const kept = view.passwordHistory.filter((entry) => entry.password !== "");
  // Bitwarden keeps the five newest old passwords; the server refuses more.
  const passwordHistory =
    kept.length > CIPHER_LIMITS.passwordHistory
      ? kept.sort((a, b) => b.lastUsedDate.localeCompare(a.lastUsedDate)).slice(0, CIPHER_LIMITS.passwordHistory)
      : kept;
  const firstUri = login?.uris[0]?.uri;
  const name = view.name.trim()
    ? view.name
    : (firstUri ? hostOf(firstUri) : null) || login?.username?.trim() || "Untitled";
  return { ...view, name, login, passwordHistory };
}

/** Adds an item read from `row`, or skips it with the reason it cannot be imported. */
export function addItem(result: ParseResult, row: number | string, view: CipherView, folder?: string | null): void {
  if (!view.name.trim() && !hasContent(view)) return skipRow(result, row, NOTHING_TO_IMPORT);
  const item = tidy(view);
  const problem = limitProblem(item);
  if (problem) return skipRow(result, row, problem);
  result.items.push(folder ? { view: item, folder, row } : { view: item, row });
}
