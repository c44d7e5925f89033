"use client";

import { useEffect, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { decryptString, type EncString } from "@/lib/crypto";

/**
 * Collection names are EncStrings under the organization key (DESIGN §4): decrypted here, in the browser, for
 * members and for the managing provider's members alike. Null while decrypting; a name that fails shows as such.
 */
export const UNREADABLE = "(name cannot be decrypted)";

/** The decrypted entries sorted by name, for pickers; null while decrypting. */
export function sortedByName(
  names: Map<string, string> | null,
  entries: { id: string }[],
): { id: string; name: string }[] | null {
  if (!names) return null;
  return entries
    .map((entry) => ({ id: entry.id, name: names.get(entry.id) ?? UNREADABLE }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function useDecryptedNames(
  organizationId: string,
  encrypted: { id: string; name: EncString }[],
): Map<string, string> | null {
  const { keys } = useKeyring();
  const [names, setNames] = useState<Map<string, string> | null>(null);
  const signature = encrypted.map((entry) => `${entry.id}:${entry.name}`).join(",");

  useEffect(() => {
    let current = true;
    (async () => {
      const key = await keys.organizationKey(organizationId).catch(() => null);
      const pairs = await Promise.all(
        encrypted.map(
          async (entry) =>
            [entry.id, key ? await decryptString(entry.name, key).catch(() => UNREADABLE) : UNREADABLE] as const,
        ),
      );
      if (current) setNames(new Map(pairs));
    })();
    return () => {
      current = false;
    };
    // The signature stands for the list's content, so a new array with the same names does not decrypt again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [organizationId, signature, keys]);

  return names;
}
