"use client";

import { useEffect, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { decryptString } from "@/lib/crypto";
import type { VaultCollection, VaultItem } from "@/lib/dal/items";
import { decryptCipher } from "@/lib/vault/cipher-crypto";
import type { CipherView } from "@/lib/vault/cipher-model";

export type DecryptedItem = Omit<VaultItem, "data"> & { view: CipherView };
export type DecryptedCollection = Omit<VaultCollection, "name"> & { name: string };

export type DecryptedVault = { items: DecryptedItem[]; collections: DecryptedCollection[]; failed: number };

/**
 * Decrypts the vault in the browser: personal items with the user key, organization items and collection names with
 * each organization's key. Items that fail to decrypt (a wrong key, tampering) are counted, not shown.
 */
export function useDecryptedVault(items: VaultItem[], collections: VaultCollection[]): DecryptedVault | null {
  const { userKey, keys } = useKeyring();
  const [vault, setVault] = useState<DecryptedVault | null>(null);

  useEffect(() => {
    let current = true;
    const keyFor = (organizationId: string | null) => (organizationId ? keys.organizationKey(organizationId) : Promise.resolve(userKey));
    (async () => {
      const decrypted = await Promise.all(
        items.map(async ({ data, ...item }) => {
          try {
            return { ...item, view: await decryptCipher({ type: item.type, reprompt: item.reprompt, data }, await keyFor(item.organizationId)) };
          } catch {
            return null;
          }
        }),
      );
      const named = await Promise.all(
        collections.map(async (collection) => ({
          ...collection,
          name: await decryptString(collection.name, await keyFor(collection.organizationId)).catch(() => "(name cannot be decrypted)"),
        })),
      );
      const readable = decrypted.filter((item): item is DecryptedItem => item !== null);
      if (current) setVault({ items: readable, collections: named, failed: items.length - readable.length });
    })();
    return () => {
      current = false;
    };
  }, [items, collections, keys, userKey]);

  return vault;
}
