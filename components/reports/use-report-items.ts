"use client";

import { useEffect, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import type { SymmetricKey } from "@/lib/crypto";
import type { CipherView } from "@/lib/vault/cipher-model";
import { decryptCollectionNames, decryptItems, fetchOrganizationItems, nextTurn } from "./organization-items";

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

const LOAD_MESSAGES = {
  offline: "The organization's items could not be loaded. Check your connection and reload the page.",
  failed: "The organization's items could not be loaded. Reload the page to try again.",
};

async function organizationKey(load: () => Promise<SymmetricKey>): Promise<SymmetricKey> {
  try {
    return await load();
  } catch {
    throw new Error(
      "Your copy of the organization key could not be opened, so its items cannot be decrypted. Lock and unlock your vault, then try again.",
    );
  }
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
      const [{ items, collections }, key] = await Promise.all([
        fetchOrganizationItems(organizationId, "reports", LOAD_MESSAGES, (message) => new Error(message)),
        organizationKey(() => keys.organizationKey(organizationId)),
      ]);
      if (!update({ phase: "decrypting", done: 0, total: items.length })) return;
      await nextTurn();
      const collectionNames = new Map(
        (await decryptCollectionNames(collections, key, "Collection name could not be decrypted")).map((collection) => [
          collection.id,
          collection.name,
        ]),
      );
      const decrypted = await decryptItems(items, key, (done) =>
        update({ phase: "decrypting", done, total: items.length }),
      );
      const readable = decrypted.map(({ item, view }) => ({
        ...view,
        id: item.id,
        collectionNames: item.collectionIds.flatMap((id) => collectionNames.get(id) ?? []),
      }));
      update({
        phase: "ready",
        report: {
          items: readable,
          withoutPasswords: items.filter((item) => item.type === "login" && !item.permissions.viewPassword).length,
          undecryptable: items.length - readable.length,
        },
      });
    })().catch((error: unknown) =>
      update({ phase: "error", message: error instanceof Error ? error.message : "The report could not be prepared." }),
    );
    return () => {
      current = false;
    };
  }, [organizationId, keys]);

  return state;
}
