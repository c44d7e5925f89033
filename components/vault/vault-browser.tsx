"use client";

import { useMemo, useState } from "react";
import { Menu } from "@/components/ui/menu";
import { ProgressBar } from "@/components/ui/progress";
import { EmptyState } from "@/components/ui/empty-state";
import type { VaultCollection, VaultFolder, VaultItem } from "@/lib/dal/items";
import type { GeneratorRules } from "@/lib/policies/generator";
import { type CipherView, newCipher } from "@/lib/vault/cipher-model";
import { CIPHER_TYPES, type CipherType } from "@/lib/enums";
import { TYPE_LABELS, type VaultScopeFilter, type VaultSectionFilter, visibleItems } from "./filters";
import { ItemForm } from "./item-form/item-form";
import { ItemList } from "./item-list";
import { ItemPanel } from "./item-panel";
import type { VaultActions, VaultContext } from "./vault-context";
import { useVaultIndex } from "./vault-index";
import { VaultSidebar } from "./vault-sidebar";

type Props = {
  items: VaultItem[];
  collections: VaultCollection[];
  folders: VaultFolder[];
  organizations: { id: string; name: string }[];
  personalAllowed: boolean;
  generatorRules: GeneratorRules | null;
  actions: VaultActions;
};

type Form = { mode: "create" | "edit" | "clone"; initial: CipherView; item?: VaultItem } | null;

/** The vault: filters on the left, the (virtualized) list in the middle, the opened item on the right. */
export function VaultBrowser({
  items,
  collections,
  folders,
  organizations,
  personalAllowed,
  generatorRules,
  actions,
}: Props) {
  const index = useVaultIndex(items, collections, folders);
  const [scope, setScope] = useState<VaultScopeFilter>({ kind: "all" });
  const [section, setSection] = useState<VaultSectionFilter>({ kind: "all" });
  const [search, setSearch] = useState("");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(null);

  const rows = useMemo(
    () => visibleItems(items, index.entries, { scope, section, search }),
    [items, index.entries, scope, section, search],
  );
  const selected = items.find((item) => item.id === selectedId) ?? null;
  const context: VaultContext = useMemo(
    () => ({
      organizations,
      collections: collections.map((collection) => ({
        ...collection,
        name: index.collections.get(collection.id) ?? "…",
      })),
      folders: folders.map((folder) => ({ id: folder.id, name: index.folders.get(folder.id) ?? "…" })),
      personalAllowed,
      generatorRules,
      actions,
    }),
    [organizations, collections, folders, index.collections, index.folders, personalAllowed, generatorRules, actions],
  );
  const decrypting = index.progress.done < index.progress.total;

  function newItem(type: CipherType) {
    setForm({ mode: "create", initial: newCipher(type, "") });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)_24rem]">
      <VaultSidebar
        scope={scope}
        section={section}
        onScope={setScope}
        onSection={setSection}
        organizations={organizations}
        collections={context.collections}
        folders={context.folders}
        actions={actions}
      />
      <section aria-label="Vault items" className="flex min-w-0 flex-col gap-3">
        <div className="flex gap-2">
          <label htmlFor="vault-search" className="sr-only">
            Search the vault
          </label>
          <input
            id="vault-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search the vault"
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
          />
          <Menu
            label="New item"
            variant="primary"
            items={CIPHER_TYPES.map((type) => ({ label: TYPE_LABELS[type], onSelect: () => newItem(type) }))}
          />
        </div>
        {decrypting ? (
          <ProgressBar
            label={`Decrypting ${index.progress.done.toLocaleString("en")} of ${index.progress.total.toLocaleString("en")} items`}
            value={index.progress.done}
            max={index.progress.total}
          />
        ) : null}
        {index.failed > 0 ? (
          <p className="text-sm text-amber-800">{index.failed} items could not be decrypted and are not shown.</p>
        ) : null}
        {rows.length === 0 && !decrypting ? (
          <EmptyState
            title={
              section.kind === "trash"
                ? "The trash is empty."
                : section.kind === "archive"
                  ? "The archive is empty."
                  : "There are no items to list."
            }
          >
            {section.kind === "trash"
              ? "Items in the trash are deleted for good after 30 days."
              : section.kind === "archive" && !search
                ? "Archived items stay out of the other lists until you unarchive them."
                : search
                  ? "Nothing matches your search."
                  : "Add one with New item."}
          </EmptyState>
        ) : (
          <ItemList rows={rows} selectedId={selectedId} onSelect={setSelectedId} />
        )}
        <p className="text-xs text-slate-500" aria-live="polite">
          {rows.length.toLocaleString("en")} item{rows.length === 1 ? "" : "s"}
        </p>
      </section>
      <aside aria-label="Item details">
        {selected ? (
          <ItemPanel
            key={`${selected.id}:${selected.updatedAt}`}
            item={selected}
            context={context}
            onEdit={(view) => setForm({ mode: "edit", initial: view, item: selected })}
            onClone={(view) => setForm({ mode: "clone", initial: view })}
            onGone={() => setSelectedId(null)}
          />
        ) : null}
      </aside>
      {form ? (
        <ItemForm
          mode={form.mode}
          initial={form.initial}
          item={form.item}
          context={context}
          onClose={() => setForm(null)}
          onSaved={(cipherId) => {
            setForm(null);
            setSelectedId(cipherId);
          }}
        />
      ) : null}
    </div>
  );
}
