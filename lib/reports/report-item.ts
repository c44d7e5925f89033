import type { LoginView } from "@/lib/vault/cipher-model";
import type { CipherType } from "@/lib/enums";

/**
 * What the item reports read of a decrypted item (lib/vault/cipher-model.ts's CipherView plus its id fits).
 * Reports run in the browser only: the server never holds an item in the clear.
 */
export type ReportItem = { id: string; name: string; type: CipherType; login: LoginView | null };

/**
 * The login's password, or null when there is none to check: not a login, no password saved, or a password the
 * member may not see (the server leaves those out, lib/dal/items.ts).
 */
export function checkablePassword(item: ReportItem): string | null {
  if (item.type !== "login" || !item.login?.password) return null;
  return item.login.password;
}

/** Report rows in a stable order: by item name, as a person would look for them. */
export function byName<T extends ReportItem>(a: T, b: T): number {
  return a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id);
}
