"use client";

import {
  Archive,
  Building2,
  ChevronDown,
  Folder,
  FolderX,
  LayoutGrid,
  Library,
  type LucideIcon,
  Star,
  Trash2,
  UserRound,
  Vault,
} from "lucide-react";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Menu } from "@/components/ui/menu";
import { useToast } from "@/components/ui/toast";
import { encryptString } from "@/lib/crypto";
import { CIPHER_TYPES } from "@/lib/enums";
import { sameFilter, TYPE_LABELS, type VaultScopeFilter, type VaultSectionFilter } from "./filters";
import { TYPE_ICONS } from "./item-icon";
import type { VaultActions } from "./vault-context";

type Props = {
  scope: VaultScopeFilter;
  section: VaultSectionFilter;
  /** What the filters show now (the page's heading): the collapsed filters' button says it on small screens. */
  heading: string;
  onScope: (scope: VaultScopeFilter) => void;
  onSection: (section: VaultSectionFilter) => void;
  organizations: { id: string; name: string }[];
  collections: { id: string; organizationId: string; name: string }[];
  folders: { id: string; name: string }[];
  actions: VaultActions;
};

function FilterButton({
  active,
  onClick,
  children,
  icon: Icon,
}: {
  active: boolean;
  onClick: () => void;
  children: ReactNode;
  icon: LucideIcon;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={cn(
        "flex w-full items-center gap-2 rounded px-3 py-1.5 text-left text-sm",
        active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100",
      )}
    >
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      <span className="min-w-0 truncate">{children}</span>
    </button>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return <h2 className="mt-4 mb-1 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{children}</h2>;
}

export function VaultSidebar({
  scope,
  section,
  heading,
  onScope,
  onSection,
  organizations,
  collections,
  folders,
  actions,
}: Props) {
  const [folderDialog, setFolderDialog] = useState<{ id: string | null; name: string } | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  /** Below the large breakpoint the filters fold away behind a button, so the list starts near the top. */
  const [expanded, setExpanded] = useState(false);
  const navId = useId();
  const removeFolder = useAction(actions.deleteFolder, {
    success: () => "The folder was deleted; its items stay in your vault.",
  });
  const toast = useToast();
  const shownCollections = collections
    .filter((collection) => scope.kind !== "mine" && (scope.kind === "all" || collection.organizationId === scope.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  const chooseScope = (target: VaultScopeFilter) => {
    onScope(target);
    setExpanded(false);
  };
  const chooseSection = (target: VaultSectionFilter) => {
    onSection(target);
    setExpanded(false);
  };
  const sectionButton = (target: VaultSectionFilter, label: string, icon: LucideIcon) => (
    <li key={JSON.stringify(target)}>
      <FilterButton active={sameFilter(target, section)} onClick={() => chooseSection(target)} icon={icon}>
        {label}
      </FilterButton>
    </li>
  );

  return (
    <div className="min-w-0">
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={navId}
        onClick={() => setExpanded(!expanded)}
        className="flex w-full items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm lg:hidden"
      >
        <span className="font-medium">Filters</span>
        <span className="min-w-0 flex-1 truncate text-left text-slate-600">{heading}</span>
        <ChevronDown aria-hidden="true" className={cn("size-4 transition-transform", expanded && "rotate-180")} />
      </button>
      <nav
        id={navId}
        aria-label="Vault filters"
        className={cn(
          "text-sm",
          expanded ? "mt-2 rounded-md border border-slate-200 bg-white p-2" : "hidden",
          "lg:block lg:border-0 lg:bg-transparent lg:p-0",
        )}
      >
        <Heading>Vaults</Heading>
        <ul>
          {[
            { kind: "all" as const },
            { kind: "mine" as const },
            ...organizations.map((organization) => ({ kind: "organization" as const, id: organization.id })),
          ].map((target) => (
            <li key={JSON.stringify(target)}>
              <FilterButton
                active={sameFilter(target, scope)}
                onClick={() => chooseScope(target)}
                icon={target.kind === "all" ? Vault : target.kind === "mine" ? UserRound : Building2}
              >
                {target.kind === "all"
                  ? "All vaults"
                  : target.kind === "mine"
                    ? "My vault"
                    : organizations.find((organization) => organization.id === target.id)!.name}
              </FilterButton>
            </li>
          ))}
        </ul>
        <Heading>Items</Heading>
        <ul>
          {sectionButton({ kind: "all" }, "All items", LayoutGrid)}
          {sectionButton({ kind: "favorites" }, "Favorites", Star)}
          {sectionButton({ kind: "archive" }, "Archive", Archive)}
          {sectionButton({ kind: "trash" }, "Trash", Trash2)}
        </ul>
        <Heading>Types</Heading>
        <ul>
          {CIPHER_TYPES.map((type) => sectionButton({ kind: "type", type }, TYPE_LABELS[type], TYPE_ICONS[type]))}
        </ul>
        <div className="flex items-center justify-between">
          <Heading>Folders</Heading>
          <button
            type="button"
            onClick={() => setFolderDialog({ id: null, name: "" })}
            className="mt-3 rounded px-2 text-xs font-medium text-brand-700 hover:bg-brand-50"
          >
            New folder
          </button>
        </div>
        <ul>
          {folders
            .slice()
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((folder) => (
              <li key={folder.id} className="flex items-center">
                <div className="min-w-0 flex-1">
                  <FilterButton
                    active={sameFilter({ kind: "folder", id: folder.id }, section)}
                    onClick={() => chooseSection({ kind: "folder", id: folder.id })}
                    icon={Folder}
                  >
                    {folder.name}
                  </FilterButton>
                </div>
                <Menu
                  label="…"
                  accessibleLabel={`Options for folder ${folder.name}`}
                  variant="ghost"
                  items={[
                    { label: "Rename", onSelect: () => setFolderDialog(folder) },
                    { label: "Delete", tone: "danger", onSelect: () => setDeleting(folder) },
                  ]}
                />
              </li>
            ))}
          {sectionButton({ kind: "folder", id: null }, "No folder", FolderX)}
        </ul>
        {shownCollections.length > 0 ? (
          <>
            <Heading>Collections</Heading>
            <ul>
              {shownCollections.map((collection) =>
                sectionButton({ kind: "collection", id: collection.id }, collection.name, Library),
              )}
            </ul>
          </>
        ) : null}
      </nav>
      {folderDialog ? (
        <FolderDialog folder={folderDialog} actions={actions} onClose={() => setFolderDialog(null)} />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete folder ${deleting?.name}?`}
        message="Its items stay in your vault, without a folder."
        confirmLabel="Delete folder"
        tone="danger"
        busy={removeFolder.busy}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const result = await removeFolder.run({ folderId: deleting!.id });
          setDeleting(null);
          if (!result.ok) toast.show(result.error, "error");
          else if (section.kind === "folder" && section.id === deleting?.id) onSection({ kind: "all" });
        }}
      />
    </div>
  );
}

/** Folder names are encrypted with the user key here, before they leave the browser. */
function FolderDialog({
  folder,
  actions,
  onClose,
}: {
  folder: { id: string | null; name: string };
  actions: VaultActions;
  onClose: () => void;
}) {
  const { userKey } = useKeyring();
  const create = useAction(actions.createFolder, { success: () => "Folder created." });
  const rename = useAction(actions.renameFolder, { success: () => "Folder renamed." });
  const [nameError, setNameError] = useState<string | undefined>();
  const busy = create.busy || rename.busy;
  const error = create.error ?? rename.error;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    setNameError(name ? undefined : "Enter a folder name.");
    if (!name) return;
    const encrypted = await encryptString(name, userKey);
    const result = folder.id
      ? await rename.run({ folderId: folder.id, name: encrypted })
      : await create.run({ name: encrypted });
    if (result.ok) onClose();
  }

  return (
    <Dialog open onClose={onClose} busy={busy} title={folder.id ? "Rename folder" : "New folder"}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <TextField
          label="Folder name"
          name="name"
          defaultValue={folder.name}
          maxLength={200}
          error={nameError}
          data-autofocus
        />
        <DialogFormActions onCancel={onClose} busy={busy} />
      </form>
    </Dialog>
  );
}
