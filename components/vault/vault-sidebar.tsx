"use client";

import { type FormEvent, type ReactNode, useState } from "react";
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
import type { VaultActions } from "./vault-context";

type Props = {
  scope: VaultScopeFilter;
  section: VaultSectionFilter;
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
  indent,
}: {
  active: boolean;
  onClick: () => void;
  children: ReactNode;
  indent?: boolean;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={cn(
        "w-full truncate rounded px-3 py-1.5 text-left text-sm",
        indent && "pl-6",
        active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100",
      )}
    >
      {children}
    </button>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return <h2 className="mt-4 mb-1 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{children}</h2>;
}

export function VaultSidebar({
  scope,
  section,
  onScope,
  onSection,
  organizations,
  collections,
  folders,
  actions,
}: Props) {
  const [folderDialog, setFolderDialog] = useState<{ id: string | null; name: string } | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const removeFolder = useAction(actions.deleteFolder, {
    success: () => "The folder was deleted; its items stay in your vault.",
  });
  const toast = useToast();
  const shownCollections = collections
    .filter((collection) => scope.kind !== "mine" && (scope.kind === "all" || collection.organizationId === scope.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  const sectionButton = (target: VaultSectionFilter, label: string, indent = false) => (
    <li key={JSON.stringify(target)}>
      <FilterButton active={sameFilter(target, section)} onClick={() => onSection(target)} indent={indent}>
        {label}
      </FilterButton>
    </li>
  );

  return (
    <nav aria-label="Vault filters" className="text-sm">
      <Heading>Vaults</Heading>
      <ul>
        {[
          { kind: "all" as const },
          { kind: "mine" as const },
          ...organizations.map((organization) => ({ kind: "organization" as const, id: organization.id })),
        ].map((target) => (
          <li key={JSON.stringify(target)}>
            <FilterButton active={sameFilter(target, scope)} onClick={() => onScope(target)}>
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
        {sectionButton({ kind: "all" }, "All items")}
        {sectionButton({ kind: "favorites" }, "Favorites")}
        {sectionButton({ kind: "archive" }, "Archive")}
        {sectionButton({ kind: "trash" }, "Trash")}
      </ul>
      <Heading>Types</Heading>
      <ul>{CIPHER_TYPES.map((type) => sectionButton({ kind: "type", type }, TYPE_LABELS[type]))}</ul>
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
                  onClick={() => onSection({ kind: "folder", id: folder.id })}
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
        {sectionButton({ kind: "folder", id: null }, "No folder")}
      </ul>
      {shownCollections.length > 0 ? (
        <>
          <Heading>Collections</Heading>
          <ul>
            {shownCollections.map((collection) =>
              sectionButton({ kind: "collection", id: collection.id }, collection.name),
            )}
          </ul>
        </>
      ) : null}
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
    </nav>
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
