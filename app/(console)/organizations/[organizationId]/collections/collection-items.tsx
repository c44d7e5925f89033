"use client";

import { useEffect, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { Spinner } from "@/components/ui/spinner";
import type { VaultItem } from "@/lib/dal/items";
import { decryptCipher } from "@/lib/vault/cipher-crypto";

/** Items of one collection that this member reaches, decrypted in the browser (names and usernames only). */
export function CollectionItems({ organizationId, collectionId }: { organizationId: string; collectionId: string }) {
  const { keys } = useKeyring();
  const [items, setItems] = useState<{ id: string; name: string; username: string | null }[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    (async () => {
      const response = await fetch(`/organizations/${organizationId}/items?for=view`, { cache: "no-store" });
      if (!response.ok)
        throw new Error(
          ((await response.json().catch(() => ({}))) as { error?: string }).error ?? "The items could not be loaded.",
        );
      const { items: stored } = (await response.json()) as { items: VaultItem[] };
      const key = await keys.organizationKey(organizationId);
      const inCollection = stored.filter((item) => item.collectionIds.includes(collectionId));
      const views = await Promise.all(
        inCollection.map(async (item) => ({ id: item.id, view: await decryptCipher(item, key) })),
      );
      if (current)
        setItems(
          views
            .map(({ id, view }) => ({ id, name: view.name, username: view.login?.username ?? null }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        );
    })().catch(
      (failure: unknown) =>
        current && setError(failure instanceof Error ? failure.message : "The items could not be loaded."),
    );
    return () => {
      current = false;
    };
  }, [organizationId, collectionId, keys]);

  if (error) return <p className="mt-2 text-sm font-normal text-red-700">{error}</p>;
  if (!items) return <Spinner label="Decrypting…" />;
  if (items.length === 0) return <p className="mt-2 text-sm font-normal text-slate-600">No items you can see.</p>;
  return (
    <ul aria-label="Items" className="mt-2 flex flex-col gap-1 text-sm font-normal">
      {items.map((item) => (
        <li key={item.id}>
          {item.name}
          {item.username ? <span className="text-slate-600"> · {item.username}</span> : null}
        </li>
      ))}
    </ul>
  );
}
