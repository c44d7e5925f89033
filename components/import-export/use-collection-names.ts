"use client";

import { useEffect, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { decryptString } from "@/lib/crypto";

export type NamedCollection = { id: string; name: string };

/**
 * The organization's collections with their names decrypted in this browser (they are EncStrings under the
 * organization key), sorted by name; null while decrypting. A name that will not decrypt is shown as such.
 */
export function useCollectionNames(organizationId: string, encrypted: NamedCollection[]): NamedCollection[] | null {
  const { keys } = useKeyring();
  const [collections, setCollections] = useState<NamedCollection[] | null>(null);

  useEffect(() => {
    let current = true;
    const unreadable = "(name cannot be decrypted)";
    (async () => {
      const key = await keys.organizationKey(organizationId).catch(() => null);
      const named = await Promise.all(
        encrypted.map(async (entry) => ({ id: entry.id, name: key ? await decryptString(entry.name, key).catch(() => unreadable) : unreadable })),
      );
      if (current) setCollections(named.sort((a, b) => a.name.localeCompare(b.name)));
    })();
    return () => {
      current = false;
    };
  }, [organizationId, encrypted, keys]);

  return collections;
}
