"use client";

import { useEffect, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { decryptString, type SymmetricKey } from "@/lib/crypto";
import type { VaultItem } from "@/lib/dal/items";
import { decryptCipher } from "@/lib/vault/cipher-crypto";
import type { CipherView } from "@/lib/vault/cipher-model";

/** An organization item in the clear, with the names of its collections. */
export type DecryptedItem = CipherView & { id: string; collectionNames: string[] };

export type ReportItems = {
  items: DecryptedItem[];
  /** Logins the member may only view without passwords: the server sent them without, so no report can check them. */
  withoutPasswords: number;
  /** Items whose ciphertext would not decrypt (damaged, or under another key): left out and counted. */
  undecryptable: number;
};

export type ReportItemsState =
  | { phase: "loading" }
  | { phase: "decrypting"; done: number; total: number }
  | { phase: "ready"; report: ReportItems }
  | { phase: "error"; message: string };

/** Items decrypted per step: enough to be quick, few enough for the progress bar to move. */
const BATCH = 25;

/** Gives the browser a turn to paint the progress bar between steps (a timer, which also runs in background tabs). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

type ItemsResponse = { items: VaultItem[]; collections: { id: string; name: string }[] };

async function fetchItems(organizationId: string): Promise<ItemsResponse> {
  let response: Response;
  try {
    response = await fetch(`/organizations/${organizationId}/items?for=reports`, { cache: "no-store" });
  } catch {
    throw new Error("The organization's items could not be loaded. Check your connection and reload the page.");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? "The organization's items could not be loaded. Reload the page to try again.");
  }
  return (await response.json()) as ItemsResponse;
}

async function organizationKey(load: () => Promise<SymmetricKey>): Promise<SymmetricKey> {
  try {
    return await load();
  } catch {
    throw new Error("Your copy of the organization key could not be opened, so its items cannot be decrypted. Lock and unlock your vault, then try again.");
  }
}

/** Collection id → name; a name that will not decrypt is shown as such rather than failing the report. */
async function decryptCollectionNames(collections: ItemsResponse["collections"], key: SymmetricKey): Promise<Map<string, string>> {
  const names = await Promise.all(
    collections.map(async (collection) => [collection.id, await decryptString(collection.name, key).catch(() => "Collection name could not be decrypted")] as const),
  );
  return new Map(names);
}

async function decryptItem(item: VaultItem, key: SymmetricKey, collectionNames: Map<string, string>): Promise<DecryptedItem | null> {
  try {
    const view = await decryptCipher({ type: item.type, reprompt: item.reprompt, data: item.data }, key);
    return { ...view, id: item.id, collectionNames: item.collectionIds.flatMap((id) => collectionNames.get(id) ?? []) };
  } catch {
    return null;
  }
}

/** Decrypts items a batch at a time, reporting progress after each; stops when `onProgress` answers false. */
async function decryptItems(
  items: VaultItem[],
  key: SymmetricKey,
  collectionNames: Map<string, string>,
  onProgress: (done: number) => boolean,
): Promise<DecryptedItem[]> {
  const decrypted: (DecryptedItem | null)[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    decrypted.push(...(await Promise.all(items.slice(start, start + BATCH).map((item) => decryptItem(item, key, collectionNames)))));
    if (!onProgress(decrypted.length)) break;
    await nextTurn();
  }
  return decrypted.filter((item): item is DecryptedItem => item !== null);
}

/**
 * Fetches the organization's items the member reaches and decrypts them in this browser, reporting progress. The
 * server only ever relays ciphertext (DESIGN §4).
 */
export function useReportItems(organizationId: string): ReportItemsState {
  const { keys } = useKeyring();
  const [state, setState] = useState<ReportItemsState>({ phase: "loading" });

  useEffect(() => {
    let current = true;
    const update = (next: ReportItemsState) => {
      if (current) setState(next);
      return current;
    };
    (async () => {
      const [{ items, collections }, key] = await Promise.all([fetchItems(organizationId), organizationKey(() => keys.organizationKey(organizationId))]);
      if (!update({ phase: "decrypting", done: 0, total: items.length })) return;
      await nextTurn();
      const collectionNames = await decryptCollectionNames(collections, key);
      const readable = await decryptItems(items, key, collectionNames, (done) => update({ phase: "decrypting", done, total: items.length }));
      update({
        phase: "ready",
        report: {
          items: readable,
          withoutPasswords: items.filter((item) => item.type === "login" && !item.permissions.viewPassword).length,
          undecryptable: items.length - readable.length,
        },
      });
    })().catch((error: unknown) => update({ phase: "error", message: error instanceof Error ? error.message : "The report could not be prepared." }));
    return () => {
      current = false;
    };
  }, [organizationId, keys]);

  return state;
}
