"use client";

import { useEffect, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import type { SymmetricKey } from "@/lib/crypto";
import type { VaultCollection, VaultFolder, VaultItem } from "@/lib/dal/items";
import { decryptOrNull, type DecryptResult, type DecryptTask } from "@/lib/browser/vault-decrypt/decrypt-batch";
import { decryptPool } from "@/lib/browser/vault-decrypt/decrypt-pool";

/**
 * What the list and the search need of each item, decrypted in the browser: name first (the list shows as soon as
 * the first chunk is ready), then username and URIs (search). The work runs in chunks on Web Workers (on the page's
 * thread where there are none), so a 10,000-item vault never freezes the page; a whole item is decrypted only when
 * opened.
 */
export type IndexedItem = { id: string; name: string; subtitle: string | null; uris: string[] };

export type VaultIndex = {
  entries: Map<string, IndexedItem>;
  collections: Map<string, string>;
  folders: Map<string, string>;
  progress: { done: number; total: number };
  failed: number;
};

/** Small, so the first rows show at once; then larger, so the workers stay busy with few messages. */
const FIRST_CHUNK = 100;
const CHUNK = 500;
/** While names arrive, the list and the progress are re-rendered at most this often: each render sorts the list. */
const COMMIT_INTERVAL_MS = 250;
/** The owner key of personal items among a batch's keys (organization keys go by organization id). */
const USER_KEY_ID = "user";

/** Performance marks the benchmark reads (scripts/bench/vault.ts). */
export const VAULT_KEYS_READY_MARK = "keyhouse:vault-keys-ready";
export const VAULT_LIST_RENDERED_MARK = "keyhouse:vault-list-rendered";
export const VAULT_NAMES_DECRYPTED_MARK = "keyhouse:vault-names-decrypted";
export const VAULT_SEARCH_READY_MARK = "keyhouse:vault-search-ready";

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function chunksOf(items: VaultItem[]): VaultItem[][] {
  if (items.length === 0) return [];
  const chunks = [items.slice(0, FIRST_CHUNK)];
  for (let start = FIRST_CHUNK; start < items.length; start += CHUNK) chunks.push(items.slice(start, start + CHUNK));
  return chunks;
}

/**
 * Decrypts one field list per item, chunk by chunk, a few chunks in flight; `onChunk` gets each chunk's answers in
 * order. Stops sending once `running()` turns false.
 */
async function decryptInChunks(
  items: VaultItem[],
  fieldsOf: (item: VaultItem) => DecryptTask["fields"],
  send: (tasks: DecryptTask[]) => Promise<DecryptResult[]>,
  capacity: () => number,
  running: () => boolean,
  onChunk: (chunk: VaultItem[], results: DecryptResult[]) => void,
): Promise<void> {
  const chunks = chunksOf(items);
  const toTasks = (chunk: VaultItem[]) =>
    chunk.map((item) => ({ keyId: item.organizationId ?? USER_KEY_ID, itemKey: item.key, fields: fieldsOf(item) }));
  const inFlight: Promise<DecryptResult[]>[] = [];
  for (let index = 0; index < chunks.length && running(); index += 1) {
    // The first chunk alone, so the first rows wait for nothing else; then enough ahead to keep the workers busy.
    const ahead = index === 0 ? 1 : index + capacity();
    while (inFlight.length < Math.min(chunks.length, ahead)) inFlight.push(send(toTasks(chunks[inFlight.length]!)));
    onChunk(chunks[index]!, await inFlight[index]!);
    // A turn of the event loop for React to render what onChunk committed, and for input: without it, a page
    // decrypting for itself (no worker loaded yet) went from answer to answer and showed no rows until the end.
    await yieldToPage();
  }
}

export function useVaultIndex(items: VaultItem[], collections: VaultCollection[], folders: VaultFolder[]): VaultIndex {
  const { userKey, keys } = useKeyring();
  const [index, setIndex] = useState<VaultIndex>(() => ({
    entries: new Map(),
    collections: new Map(),
    folders: new Map(),
    progress: { done: 0, total: items.length },
    failed: 0,
  }));

  useEffect(() => {
    let current = true;
    const running = () => current;
    const total = items.length;
    // For `npm run bench`: decryption starts here, with the keys in memory.
    performance.mark(VAULT_KEYS_READY_MARK);
    const keyFor = (organizationId: string | null) =>
      organizationId ? keys.organizationKey(organizationId) : Promise.resolve(userKey);
    const pool = decryptPool();
    // The owner keys a batch needs, unwrapped here (the key chain lives on this thread) before it is sent.
    const ownerKeys = new Map<string, SymmetricKey>([[USER_KEY_ID, userKey]]);
    const unwrapping = new Map<string, Promise<void>>();
    const send = async (tasks: DecryptTask[]) => {
      const organizations = new Set(tasks.map((task) => task.keyId).filter((id) => id !== USER_KEY_ID));
      await Promise.all(
        [...organizations].map((organizationId) => {
          let done = unwrapping.get(organizationId);
          if (!done) {
            // An organization key that cannot be unwrapped stays out: its items fail to decrypt, and are counted.
            done = keyFor(organizationId).then(
              (key) => void ownerKeys.set(organizationId, key),
              () => {},
            );
            unwrapping.set(organizationId, done);
          }
          return done;
        }),
      );
      return pool.decrypt(tasks, ownerKeys);
    };
    (async () => {
      const collectionNames = new Map(
        await Promise.all(
          collections.map(
            async (collection) =>
              [
                collection.id,
                (await decryptOrNull(collection.name, await keyFor(collection.organizationId))) ?? "(unreadable)",
              ] as const,
          ),
        ),
      );
      const folderNames = new Map(
        await Promise.all(
          folders.map(
            async (folder) => [folder.id, (await decryptOrNull(folder.name, userKey)) ?? "(unreadable)"] as const,
          ),
        ),
      );
      const entries = new Map<string, IndexedItem>();
      let failed = 0;
      let done = 0;
      let committed: number | null = null;
      const commit = () => {
        committed = performance.now();
        setIndex({
          entries: new Map(entries),
          collections: collectionNames,
          folders: folderNames,
          progress: { done, total },
          failed,
        });
      };
      // Names of folders and collections show at once, even in a vault without items.
      if (current)
        setIndex((previous) => ({
          ...previous,
          collections: collectionNames,
          folders: folderNames,
          progress: { done: 0, total },
        }));
      await decryptInChunks(
        items,
        (item) => [item.data.name],
        send,
        pool.capacity,
        running,
        (chunk, results) => {
          chunk.forEach((item, position) => {
            const name = results[position]?.[0] ?? null;
            if (name === null) failed += 1;
            else entries.set(item.id, { id: item.id, name, subtitle: null, uris: [] });
          });
          done += chunk.length;
          // The first rows at once; then the list and the progress a few times a second, and at the end.
          if (committed === null || done === total || performance.now() - committed >= COMMIT_INTERVAL_MS) commit();
        },
      );
      if (!current) return;
      performance.mark(VAULT_NAMES_DECRYPTED_MARK);
      // Second pass: usernames and URIs, for the list's second line and for search.
      await decryptInChunks(
        items,
        (item) => [
          item.data.login?.username ?? item.data.card?.cardholderName ?? item.data.identity?.email,
          ...(item.data.login?.uris ?? []).map((uri) => uri.uri),
        ],
        send,
        pool.capacity,
        running,
        (chunk, results) => {
          chunk.forEach((item, position) => {
            const entry = entries.get(item.id);
            const [subtitle = null, ...uris] = results[position] ?? [];
            if (!entry) return;
            entry.subtitle = subtitle;
            entry.uris = uris.filter((uri): uri is string => uri !== null);
          });
        },
      );
      if (current) {
        commit();
        performance.mark(VAULT_SEARCH_READY_MARK);
      }
    })();
    return () => {
      current = false;
      pool.forget();
    };
  }, [items, collections, folders, keys, userKey]);

  return index;
}
