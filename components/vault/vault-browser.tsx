"use client";

import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Menu } from "@/components/ui/menu";
import { ProgressBar } from "@/components/ui/progress";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import type { VaultCollection, VaultFolder, VaultItem } from "@/lib/dal/items";
import type { GeneratorRules } from "@/lib/policies/generator";
import { MAX_SELECTED_ITEMS } from "@/lib/validation/items";
import { type CipherView, newCipher } from "@/lib/vault/cipher-model";
import { CIPHER_TYPES, type CipherType } from "@/lib/enums";
import type { GrantedOrganization } from "@/lib/dal/provider-access";
import { BulkActions, itemCount } from "./bulk-actions";
import { ClientGrantsNotice, useGrantsInForce } from "./client-grants";
import { filterHeading, TYPE_LABELS, type VaultScopeFilter, type VaultSectionFilter, visibleItems } from "./filters";
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
  /** Clients whose items a provider member reads through a grant (not as a member): listed while it lasts. */
  grants?: GrantedOrganization[];
  personalAllowed: boolean;
  generatorRules: GeneratorRules | null;
  actions: VaultActions;
  /** The line under the heading and the page's links beside "New item". */
  description: ReactNode;
  links: ReactNode;
};

const NO_GRANTS: GrantedOrganization[] = [];

type Form = { mode: "create" | "edit" | "clone"; initial: CipherView; item?: VaultItem } | null;

/** Where the item panel sits beside the list rather than over it (Tailwind's xl). */
const PANEL_BESIDE_LIST = "(min-width: 80rem)";

/**
 * The vault: filters on the left, the (virtualized) list in the middle, the opened item on the right (over the list
 * on narrower screens). The heading names the filter; checked rows get Bitwarden's bulk actions.
 */
export function VaultBrowser({
  items: served,
  collections: servedCollections,
  folders,
  organizations,
  grants = NO_GRANTS,
  personalAllowed,
  generatorRules,
  actions,
  description,
  links,
}: Props) {
  const toast = useToast();
  const { inForce, ended } = useGrantsInForce(grants);
  // A grant that ended while the page was open takes its client's items and collections off it.
  const { items, collections } = useMemo(() => {
    const gone = new Set(ended.map((grant) => grant.id));
    if (gone.size === 0) return { items: served, collections: servedCollections };
    return {
      items: served.filter((item) => !item.organizationId || !gone.has(item.organizationId)),
      collections: servedCollections.filter((collection) => !gone.has(collection.organizationId)),
    };
  }, [served, servedCollections, ended]);
  // Granted clients are listed to filter by and named on their items, never offered as an owner for new items.
  const listedOrganizations = useMemo(
    () => [...organizations, ...inForce.map((grant) => ({ id: grant.id, name: grant.name }))],
    [organizations, inForce],
  );
  const index = useVaultIndex(items, collections, folders);
  const [scope, setScope] = useState<VaultScopeFilter>({ kind: "all" });
  const [section, setSection] = useState<VaultSectionFilter>({ kind: "all" });
  const [search, setSearch] = useState("");
  const [openedId, setOpenedId] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [form, setForm] = useState<Form>(null);
  /** What had focus when an item was opened over the list: it gets it back when the item closes. */
  const opener = useRef<HTMLElement | null>(null);
  const panelHeading = useRef<HTMLElement | null>(null);
  // Set when a saved clone is about to open (once the list has it): its heading takes the focus when it shows, since
  // the Clone button that opened the form went with the panel it was in.
  const focusPanelWhenShown = useRef(false);
  const panelHeadingRef = useCallback((element: HTMLElement | null) => {
    panelHeading.current = element;
    if (element && focusPanelWhenShown.current) {
      focusPanelWhenShown.current = false;
      element.focus();
    }
  }, []);

  const rows = useMemo(
    () => visibleItems(items, index.entries, { scope, section, search }),
    [items, index.entries, scope, section, search],
  );
  const decrypting = index.progress.done < index.progress.total;
  // An item the filter leaves out is not shown, nor acted on in bulk; one whose name is being decrypted again (after
  // a change) stays open meanwhile.
  const opened =
    rows.find((row) => row.item.id === openedId)?.item ??
    (decrypting && openedId && !index.entries.has(openedId)
      ? (items.find((item) => item.id === openedId) ?? null)
      : null);
  const selection = useMemo(
    () => rows.filter((row) => checked.has(row.item.id)).map((row) => row.item),
    [rows, checked],
  );
  const context: VaultContext = useMemo(
    () => ({
      organizations,
      grantedOrganizations: inForce,
      collections: collections.map((collection) => ({
        ...collection,
        name: index.collections.get(collection.id) ?? "…",
      })),
      folders: folders.map((folder) => ({ id: folder.id, name: index.folders.get(folder.id) ?? "…" })),
      personalAllowed,
      generatorRules,
      actions,
    }),
    [
      organizations,
      inForce,
      collections,
      folders,
      index.collections,
      index.folders,
      personalAllowed,
      generatorRules,
      actions,
    ],
  );
  const heading = filterHeading(scope, section, { ...context, organizations: listedOrganizations });
  const organizationNames = useMemo(
    () => new Map(listedOrganizations.map((organization) => [organization.id, organization.name])),
    [listedOrganizations],
  );
  // "All vaults" mixes owners: a column says whose each item is (Bitwarden's Owner column).
  const ownerOf =
    scope.kind === "all" && listedOrganizations.length > 0
      ? (item: VaultItem) =>
          item.organizationId ? (organizationNames.get(item.organizationId) ?? "Organization") : "Me"
      : undefined;

  function newItem(type: CipherType) {
    setForm({ mode: "create", initial: newCipher(type, "") });
  }

  /**
   * Another filter starts with nothing selected, as in Bitwarden, and closes the opened item if it leaves it out (a
   * search only hides it while it does not match).
   */
  function chooseFilter(next: { scope: VaultScopeFilter; section: VaultSectionFilter }) {
    setScope(next.scope);
    setSection(next.section);
    setChecked(new Set());
    if (opened && visibleItems([opened], index.entries, { ...next, search: "" }).length === 0) setOpenedId(null);
  }

  function check(id: string, on: boolean) {
    if (on && checked.size >= MAX_SELECTED_ITEMS)
      return toast.show(`Select at most ${MAX_SELECTED_ITEMS} items at a time.`, "error");
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    setChecked(next);
  }

  function checkAll(on: boolean) {
    if (!on) return setChecked(new Set());
    if (rows.length > MAX_SELECTED_ITEMS)
      toast.show(`The first ${MAX_SELECTED_ITEMS} items are selected: a change takes at most that many.`, "info");
    setChecked(new Set(rows.slice(0, MAX_SELECTED_ITEMS).map((row) => row.item.id)));
  }

  function open(id: string) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpenedId(id);
    // Over the list, the item takes the focus; beside it, the focus stays in the list for the next one.
    if (!window.matchMedia(PANEL_BESIDE_LIST).matches) requestAnimationFrame(() => panelHeading.current?.focus());
  }

  function close() {
    setOpenedId(null);
    if (opener.current?.isConnected) opener.current.focus();
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold break-words">{heading}</h1>
          <p className="mt-1 text-sm text-slate-600">{description}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Menu
            label="New item"
            variant="primary"
            items={CIPHER_TYPES.map((type) => ({ label: TYPE_LABELS[type], onSelect: () => newItem(type) }))}
          />
          {links}
        </div>
      </div>
      <ClientGrantsNotice inForce={inForce} ended={ended} />
      {/* The third column is the opened item's: without one, the list takes the width. */}
      <div
        className={cn(
          "grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]",
          opened && "xl:grid-cols-[13rem_minmax(0,1fr)_22rem]",
        )}
      >
        <VaultSidebar
          scope={scope}
          section={section}
          heading={heading}
          onScope={(next) => chooseFilter({ scope: next, section })}
          onSection={(next) => chooseFilter({ scope, section: next })}
          organizations={listedOrganizations}
          collections={context.collections}
          folders={context.folders}
          actions={actions}
        />
        <section aria-label="Vault items" className="flex min-w-0 flex-col gap-3">
          <label htmlFor="vault-search" className="sr-only">
            Search the vault
          </label>
          <input
            id="vault-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search the vault"
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
          {selection.length > 0 ? (
            <BulkActions
              selection={selection}
              inTrash={section.kind === "trash"}
              context={context}
              onDone={() => {
                setChecked(new Set());
                // The bar goes with the selection: the focus goes back to the list (the search when it is empty).
                requestAnimationFrame(() => {
                  const selectAll = document.querySelector<HTMLInputElement>("[data-select-all]:not(:disabled)");
                  (selectAll ?? document.getElementById("vault-search"))?.focus();
                });
              }}
            />
          ) : null}
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
            <ItemList
              rows={rows}
              openedId={opened?.id ?? null}
              onOpen={open}
              checked={checked}
              onCheck={check}
              onCheckAll={checkAll}
              ownerOf={ownerOf}
            />
          )}
          <p className="text-xs text-slate-600" aria-live="polite">
            {itemCount(rows.length)}
          </p>
        </section>
        {opened ? (
          <aside
            aria-label="Item details"
            onKeyDown={(event) => {
              // Escape inside a dialog the panel opened belongs to that dialog.
              if (event.key === "Escape" && !(event.target as Element).closest("dialog, [role='dialog']")) close();
            }}
            className="fixed inset-0 z-30 overflow-y-auto bg-slate-50 p-4 shadow-xl sm:left-auto sm:w-[26rem] sm:border-l sm:border-slate-200 xl:static xl:z-auto xl:w-auto xl:overflow-visible xl:border-0 xl:bg-transparent xl:p-0 xl:shadow-none"
          >
            {/* Keyed by the item alone: a change to it re-decrypts in place, so the focus stays on the button used. */}
            <ItemPanel
              key={opened.id}
              item={opened}
              context={context}
              headingRef={panelHeadingRef}
              onClose={close}
              onEdit={(view) => setForm({ mode: "edit", initial: view, item: opened })}
              onClone={(view) => setForm({ mode: "clone", initial: view })}
              onGone={() => {
                setOpenedId(null);
                // Its row is leaving the list too: the focus goes to the list's search, which stays.
                requestAnimationFrame(() => document.getElementById("vault-search")?.focus());
              }}
            />
          </aside>
        ) : null}
      </div>
      {form ? (
        <ItemForm
          mode={form.mode}
          initial={form.initial}
          item={form.item}
          context={context}
          onClose={() => setForm(null)}
          onSaved={(cipherId) => {
            if (form.mode === "clone") focusPanelWhenShown.current = true;
            setForm(null);
            setOpenedId(cipherId);
          }}
        />
      ) : null}
    </div>
  );
}
