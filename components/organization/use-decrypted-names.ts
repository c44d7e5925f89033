"use client";

import { useEffect, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { decryptString } from "@/lib/crypto";

/**
 * Collection names are EncStrings under the organization key (DESIGN §4): decrypted here, in the browser, for
 * members and for the managing provider's members alike. Null while decrypting; a name that fails shows as such.
 */
export function useDecryptedNames(organizationId: string, encrypted: { id: string; name: string }[]): Map<string, string> | null {
  const { keys } = useKeyring();
  const [names, setNames] = useState<Map<string, string> | null>(null);
  const signature = encrypted.map((entry) => `${entry.id}:${entry.name}`).join(",");

  useEffect(() => {
    let current = true;
    (async () => {
      const key = await keys.organizationKey(organizationId);
      const pairs = await Promise.all(
        encrypted.map(async (entry) => [entry.id, await decryptString(entry.name, key).catch(() => "(name cannot be decrypted)")] as const),
      );
      if (current) setNames(new Map(pairs));
    })().catch(() => current && setNames(new Map(encrypted.map((entry) => [entry.id, "(name cannot be decrypted)"]))));
    return () => {
      current = false;
    };
    // The signature stands for the list's content, so a new array with the same names does not decrypt again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [organizationId, signature, keys]);

  return names;
}
