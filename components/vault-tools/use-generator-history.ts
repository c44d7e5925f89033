"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { asEncString, decryptString, encryptString, type SymmetricKey } from "@/lib/crypto";

/**
 * The generator's history for this tab: the values the person copied or used, newest first, the last 25. It is
 * kept in sessionStorage encrypted under the user key (as Bitwarden encrypts its generator history), so a
 * locked vault, or another account logging in in this tab, cannot read it.
 */

export const HISTORY_LIMIT = 25;
const STORAGE_KEY = "keyhouse.generator.history";

export type HistoryEntry = { value: string; createdAt: number };

function isEntry(value: unknown): value is HistoryEntry {
  const entry = value as HistoryEntry;
  return (
    typeof entry === "object" &&
    entry !== null &&
    typeof entry.value === "string" &&
    typeof entry.createdAt === "number"
  );
}

/** The stored history; unreadable history (another account's, or damaged) is dropped. */
async function readHistory(key: SymmetricKey): Promise<HistoryEntry[]> {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  if (!stored) return [];
  try {
    const entries: unknown = JSON.parse(await decryptString(asEncString(stored), key));
    if (Array.isArray(entries) && entries.every(isEntry)) return entries;
  } catch {
    // Falls through to dropping it.
  }
  sessionStorage.removeItem(STORAGE_KEY);
  return [];
}

async function writeHistory(entries: HistoryEntry[], key: SymmetricKey): Promise<void> {
  if (entries.length === 0) sessionStorage.removeItem(STORAGE_KEY);
  else sessionStorage.setItem(STORAGE_KEY, await encryptString(JSON.stringify(entries), key));
}

function withNewest(entries: HistoryEntry[], added: HistoryEntry[]): HistoryEntry[] {
  const values = new Set(added.map((entry) => entry.value));
  return [...added, ...entries.filter((entry) => !values.has(entry.value))].slice(0, HISTORY_LIMIT);
}

export function useGeneratorHistory(): { entries: HistoryEntry[]; add: (value: string) => void; clear: () => void } {
  const { userKey } = useKeyring();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  // The latest list, for handlers that run before a re-render; writes run one after another, in order.
  const latest = useRef<HistoryEntry[]>([]);
  const writes = useRef<Promise<void>>(Promise.resolve());

  const save = useCallback(
    (next: HistoryEntry[]) => {
      latest.current = next;
      setEntries(next);
      writes.current = writes.current.then(() => writeHistory(next, userKey)).catch(() => undefined);
    },
    [userKey],
  );

  useEffect(() => {
    let current = true;
    void readHistory(userKey).then((stored) => {
      // Anything added while the stored history was decrypting stays on top.
      if (current) save(withNewest(stored, latest.current));
    });
    return () => {
      current = false;
    };
  }, [userKey, save]);

  const add = useCallback(
    (value: string) => save(withNewest(latest.current, [{ value, createdAt: Date.now() }])),
    [save],
  );
  const clear = useCallback(() => save([]), [save]);
  return { entries, add, clear };
}
