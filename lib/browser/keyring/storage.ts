import "client-only";
import { fromBase64, SymmetricKey, toBase64 } from "@/lib/crypto";

/**
 * The unlocked user key lives in memory and in this tab's sessionStorage (DESIGN §4), so a reload keeps the vault
 * open but a new tab, a lock or a logout does not. Nothing here is ever sent to the server.
 */
const STORAGE_KEY = "keyhouse.keyring";

type StoredKeyring = { userId: string; userKey: string };

let cached: { userId: string; key: SymmetricKey } | null = null;
let unlocking = false;
const listeners = new Set<() => void>();

/** Lets React components follow lock and unlock (useSyncExternalStore). */
export function subscribeKeyring(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  listeners.forEach((listener) => listener());
}

export function storeUserKey(userId: string, key: SymmetricKey): void {
  cached = { userId, key };
  const stored: StoredKeyring = { userId, userKey: toBase64(key.toBytes()) };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  notify();
}

/**
 * Login unlocks while the vault page loads (both wait on the network): until `unlock` settles, the keyring says it
 * is unlocking, and the vault waits for the key instead of sending the user to the unlock screen. A failed unlock
 * stores nothing, and the unlock screen follows.
 */
export async function unlockInBackground(unlock: Promise<{ userId: string; key: SymmetricKey }>): Promise<void> {
  unlocking = true;
  notify();
  try {
    const { userId, key } = await unlock;
    storeUserKey(userId, key);
  } finally {
    unlocking = false;
    notify();
  }
}

export function isUnlocking(): boolean {
  return unlocking;
}

/** The user key for this user if this tab unlocked it; a key stored for another account is discarded. */
export function loadUserKey(userId: string): SymmetricKey | null {
  if (cached?.userId === userId) return cached.key;
  const raw = typeof sessionStorage === "undefined" ? null : sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as StoredKeyring;
    if (stored.userId !== userId) {
      forget();
      return null;
    }
    cached = { userId, key: SymmetricKey.fromBytes(fromBase64(stored.userKey)) };
    return cached.key;
  } catch {
    forget();
    return null;
  }
}

/** Drops a stored key without notifying (safe to call while React reads a snapshot). */
function forget(): void {
  cached = null;
  sessionStorage.removeItem(STORAGE_KEY);
}

export function clearKeyring(): void {
  if (typeof sessionStorage !== "undefined") forget();
  notify();
}
