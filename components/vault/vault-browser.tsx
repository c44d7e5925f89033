"use client";

import { useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/components/ui/cn";
import type { VaultCollection, VaultItem } from "@/lib/dal/items";
import { ItemDetails } from "./item-details";
import { type DecryptedItem, useDecryptedVault } from "./use-decrypted-vault";

type Filter = { kind: "all" } | { kind: "mine" } | { kind: "organization"; id: string } | { kind: "collection"; id: string };

type Props = { items: VaultItem[]; collections: VaultCollection[]; organizations: { id: string; name: string }[] };

function matches(item: DecryptedItem, filter: Filter): boolean {
  if (filter.kind === "mine") return item.organizationId === null;
  if (filter.kind === "organization") return item.organizationId === filter.id;
  if (filter.kind === "collection") return item.collectionIds.includes(filter.id);
  return true;
}

/** Search runs over decrypted names, usernames and URIs, in the browser only. */
function matchesSearch(item: DecryptedItem, search: string): boolean {
  if (!search) return true;
  const haystack = [item.view.name, item.view.login?.username ?? "", ...(item.view.login?.uris.map((uri) => uri.uri) ?? [])].join(" ").toLowerCase();
  return haystack.includes(search.toLowerCase());
}

export function VaultBrowser({ items, collections, organizations }: Props) {
  const vault = useDecryptedVault(items, collections);
  const [filter, setFilter] = useState<Filter>({ kind: "all" });
  const [search, setSearch] = useState("");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const visible = useMemo(
    () => (vault?.items ?? []).filter((item) => !item.deletedAt && matches(item, filter) && matchesSearch(item, search)).sort((a, b) => a.view.name.localeCompare(b.view.name)),
    [vault, filter, search],
  );
  const selected = visible.find((item) => item.id === selectedId) ?? null;

  if (!vault) return <Spinner label="Decrypting your vault…" />;
  const filterButton = (target: Filter, label: string, key: string, indent = false) => {
    const active = JSON.stringify(target) === JSON.stringify(filter);
    return (
      <li key={key}>
        <button
          type="button"
          aria-pressed={active}
          onClick={() => setFilter(target)}
          className={cn("w-full rounded px-3 py-1.5 text-left text-sm", indent && "pl-6", active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100")}
        >
          {label}
        </button>
      </li>
    );
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[15rem_1fr_22rem]">
      <nav aria-label="Vault filters">
        <ul className="flex flex-col gap-0.5">
          {filterButton({ kind: "all" }, "All vaults", "all")}
          {filterButton({ kind: "mine" }, "My vault", "mine")}
          {organizations.map((organization) => [
            filterButton({ kind: "organization", id: organization.id }, organization.name, organization.id),
            ...vault.collections
              .filter((collection) => collection.organizationId === organization.id)
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((collection) => filterButton({ kind: "collection", id: collection.id }, collection.name, collection.id, true)),
          ])}
        </ul>
      </nav>
      <section aria-label="Items">
        <label htmlFor="vault-search" className="sr-only">
          Search the vault
        </label>
        <input
          id="vault-search"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Search the vault"
          className="mb-3 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
        />
        {vault.failed > 0 ? <p className="mb-2 text-sm text-amber-800">{vault.failed} items could not be decrypted and are not shown.</p> : null}
        {visible.length === 0 ? (
          <EmptyState title="There are no items to list." />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {visible.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => setSelectedId(item.id)}
                  aria-current={item.id === selectedId ? "true" : undefined}
                  className={cn("flex w-full flex-col px-4 py-2 text-left hover:bg-slate-50", item.id === selectedId && "bg-brand-50")}
                >
                  <span className="font-medium">{item.view.name}</span>
                  <span className="text-sm text-slate-600">{item.view.login?.username ?? item.type.replace("_", " ")}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside aria-label="Item details">{selected ? <ItemDetails key={selected.id} item={selected} collections={vault.collections} /> : null}</aside>
    </div>
  );
}
