"use client";

import { useEffect, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { decryptString, type EncString, type SymmetricKey, unwrapSymmetricKey } from "@/lib/crypto";
import type { VaultCollection, VaultFolder, VaultItem } from "@/lib/dal/items";

/**
 * What the list and the search need of each item, decrypted in the browser: name first (the list shows as soon as
 * the first chunk is ready), then username and URIs (search). Work runs in chunks that yield to the page, so a
 * 10,000-item vault never freezes it; a whole item is decrypted only when opened.
 */
export type IndexedItem = { id: string; name: string; subtitle: string | null; uris: string[] };

export type VaultIndex = {
  entries: Map<string, IndexedItem>;
  collections: Map<string, string>;
  folders: Map<string, string>;
  progress: { done: number; total: number };
  failed: number;
};

const CHUNK = 250;

/** Performance marks the benchmark reads (scripts/bench/vault.ts). */
export const VAULT_KEYS_READY_MARK = "keyhouse:vault-keys-ready";
export const VAULT_LIST_RENDERED_MARK = "keyhouse:vault-list-rendered";
export const VAULT_NAMES_DECRYPTED_MARK = "keyhouse:vault-names-decrypted";
export const VAULT_SEARCH_READY_MARK = "keyhouse:vault-search-ready";
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function decryptOrNull(value: EncString | null | undefined, key: SymmetricKey): Promise<string | null> {
  return value ? decryptString(value, key).catch(() => null) : null;
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
    // For `npm run bench`: decryption starts here, with the keys in memory.
    performance.mark(VAULT_KEYS_READY_MARK);
    const keyFor = (organizationId: string | null) =>
      organizationId ? keys.organizationKey(organizationId) : Promise.resolve(userKey);
    // An item an official app gave its own key is encrypted with that key, itself under the owning key.
    const itemKeys = new Map<string, Promise<SymmetricKey>>();
    const itemKeyFor = (item: VaultItem) => {
      if (!item.key) return keyFor(item.organizationId);
      const itemKey = item.key;
      let cached = itemKeys.get(item.id);
      if (!cached) {
        cached = keyFor(item.organizationId).then((owner) => unwrapSymmetricKey(itemKey, owner));
        itemKeys.set(item.id, cached);
      }
      return cached;
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
      // Names of folders and collections show at once, even in a vault without items.
      if (current)
        setIndex((previous) => ({
          ...previous,
          collections: collectionNames,
          folders: folderNames,
          progress: { done: 0, total: items.length },
        }));
      for (let start = 0; start < items.length && current; start += CHUNK) {
        const chunk = items.slice(start, start + CHUNK);
        const decrypted = await Promise.all(
          chunk.map(async (item) => {
            const key = await itemKeyFor(item).catch(() => null);
            const name = key ? await decryptOrNull(item.data.name, key) : null;
            return name === null ? null : { id: item.id, name, subtitle: null, uris: [] };
          }),
        );
        for (const entry of decrypted) {
          if (entry) entries.set(entry.id, entry);
          else failed += 1;
        }
        if (current)
          setIndex({
            entries: new Map(entries),
            collections: collectionNames,
            folders: folderNames,
            progress: { done: start + chunk.length, total: items.length },
            failed,
          });
        await yieldToPage();
      }
      if (current) performance.mark(VAULT_NAMES_DECRYPTED_MARK);
      // Second pass: usernames and URIs, for the list's second line and for search.
      for (let start = 0; start < items.length && current; start += CHUNK) {
        await Promise.all(
          items.slice(start, start + CHUNK).map(async (item) => {
            const entry = entries.get(item.id);
            if (!entry) return;
            const key = await itemKeyFor(item);
            entry.subtitle = await decryptOrNull(
              item.data.login?.username ?? item.data.card?.cardholderName ?? item.data.identity?.email,
              key,
            );
            entry.uris = (
              await Promise.all((item.data.login?.uris ?? []).map((uri) => decryptOrNull(uri.uri, key)))
            ).filter((uri): uri is string => uri !== null);
          }),
        );
        await yieldToPage();
      }
      if (current) {
        setIndex((previous) => ({ ...previous, entries: new Map(entries) }));
        performance.mark(VAULT_SEARCH_READY_MARK);
      }
    })();
    return () => {
      current = false;
    };
  }, [items, collections, folders, keys, userKey]);

  return index;
}
