"use client";

import { X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { Menu } from "@/components/ui/menu";
import { SelectField } from "@/components/ui/select-field";
import { useToast } from "@/components/ui/toast";
import type { VaultItem } from "@/lib/dal/items";
import { CollectionChoice, editableCollections } from "./collection-choice";
import type { VaultContext } from "./vault-context";

type Pending = "folder" | "collections" | "trash" | "purge" | null;

/** "1 item", "3 items". */
export function itemCount(count: number): string {
  return `${count.toLocaleString("en")} item${count === 1 ? "" : "s"}`;
}

/**
 * Why a bulk action cannot run on this selection, or null when it can. The server refuses the whole request for one
 * item the person may not change (all or nothing), so the page says so first rather than send it.
 */
function refusal(selection: VaultItem[], action: Exclude<Pending, null> | "restore"): string | null {
  if (action === "folder") return null;
  if (action === "collections") {
    const organizations = new Set(selection.map((item) => item.organizationId));
    if (organizations.has(null) || organizations.size !== 1)
      return "Select items of one organization to assign them to collections.";
  }
  if (action === "purge")
    return selection.every((item) => item.permissions.manage)
      ? null
      : "Only members who manage an item's collection can delete it for good. Deselect the others first.";
  return selection.every((item) => item.permissions.edit)
    ? null
    : "You can view some of the selected items but not change them. Deselect them first.";
}

/** Bitwarden's bulk actions on the selected items: move to a folder, assign to collections, delete, restore. */
export function BulkActions({
  selection,
  inTrash,
  context,
  onDone,
}: {
  selection: VaultItem[];
  inTrash: boolean;
  context: VaultContext;
  /** After a change, or to clear the selection. */
  onDone: () => void;
}) {
  const toast = useToast();
  const [pending, setPending] = useState<Pending>(null);
  const cipherIds = selection.map((item) => item.id);
  const trash = useAction(context.actions.trashItems, {
    success: ({ count }) => `${itemCount(count)} sent to the trash.`,
  });
  const restore = useAction(context.actions.restoreItems, { success: ({ count }) => `${itemCount(count)} restored.` });
  const purge = useAction(context.actions.purgeItems, {
    success: ({ count }) => `${itemCount(count)} deleted for good.`,
  });

  /** Opens the action's dialog (or runs it), unless the selection holds an item it cannot change. */
  function start(action: Exclude<Pending, null> | "restore", then: () => void) {
    const reason = refusal(selection, action);
    if (reason) toast.show(reason, "error");
    else then();
  }

  async function finish(result: { ok: boolean; error?: string }) {
    setPending(null);
    if (result.ok) onDone();
    else if (result.error) toast.show(result.error, "error");
  }

  const menuItems = inTrash
    ? [
        {
          label: "Restore selected",
          onSelect: () => start("restore", async () => finish(await restore.run({ cipherIds }))),
        },
        {
          label: "Delete selected for good",
          tone: "danger" as const,
          onSelect: () => start("purge", () => setPending("purge")),
        },
      ]
    : [
        { label: "Move to folder", onSelect: () => start("folder", () => setPending("folder")) },
        ...(context.organizations.length > 0
          ? [{ label: "Assign to collections", onSelect: () => start("collections", () => setPending("collections")) }]
          : []),
        {
          label: "Delete selected",
          tone: "danger" as const,
          onSelect: () => start("trash", () => setPending("trash")),
        },
      ];

  return (
    <div
      role="group"
      aria-label="Selected items"
      aria-busy={restore.busy || undefined}
      className="flex items-center gap-2 rounded-lg border border-brand-100 bg-brand-50 py-1.5 pr-1.5 pl-3"
    >
      <span className="mr-auto text-sm font-medium text-brand-800">{itemCount(selection.length)} selected</span>
      <Menu
        label="Actions"
        accessibleLabel={`Actions for the ${itemCount(selection.length)} selected`}
        variant="secondary"
        items={menuItems}
      />
      <Button variant="ghost" onClick={onDone} aria-label="Clear selection">
        <X aria-hidden="true" className="size-4" />
        Clear
      </Button>

      {pending === "folder" ? (
        <MoveToFolderDialog
          cipherIds={cipherIds}
          context={context}
          onClose={() => setPending(null)}
          onMoved={() => finish({ ok: true })}
        />
      ) : null}
      {pending === "collections" ? (
        <AssignCollectionsDialog
          cipherIds={cipherIds}
          organizationId={selection[0]!.organizationId!}
          context={context}
          onClose={() => setPending(null)}
          onAssigned={() => finish({ ok: true })}
        />
      ) : null}
      <ConfirmDialog
        open={pending === "trash"}
        title={`Send ${itemCount(selection.length)} to the trash?`}
        message="Items in the trash are deleted for good after 30 days. You can restore them until then."
        confirmLabel="Send to trash"
        tone="danger"
        busy={trash.busy}
        onCancel={() => setPending(null)}
        onConfirm={async () => finish(await trash.run({ cipherIds }))}
      />
      <ConfirmDialog
        open={pending === "purge"}
        title={`Delete ${itemCount(selection.length)} for good?`}
        message="This cannot be undone."
        confirmLabel="Delete for good"
        tone="danger"
        busy={purge.busy}
        onCancel={() => setPending(null)}
        onConfirm={async () => finish(await purge.run({ cipherIds }))}
      />
    </div>
  );
}

/** Files the selected items in one of the person's folders, or takes them out of folders. */
function MoveToFolderDialog({
  cipherIds,
  context,
  onClose,
  onMoved,
}: {
  cipherIds: string[];
  context: VaultContext;
  onClose: () => void;
  onMoved: () => void;
}) {
  const [folderId, setFolderId] = useState("");
  const folderName = context.folders.find((folder) => folder.id === folderId)?.name;
  const move = useAction(context.actions.moveItemsToFolder, {
    success: ({ count }) =>
      folderName ? `${itemCount(count)} moved to ${folderName}.` : `${itemCount(count)} taken out of their folders.`,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await move.run({ cipherIds, folderId: folderId || null })).ok) onMoved();
  }

  return (
    <Dialog open onClose={onClose} busy={move.busy} title={`Move ${itemCount(cipherIds.length)} to a folder`}>
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        {move.error ? <Alert tone="error">{move.error}</Alert> : null}
        <SelectField
          label="Folder"
          value={folderId}
          onChange={(event) => setFolderId(event.target.value)}
          options={[
            { value: "", label: "No folder" },
            ...context.folders.map((folder) => ({ value: folder.id, label: folder.name })),
          ]}
          data-autofocus
        />
        <DialogFormActions onCancel={onClose} busy={move.busy} submitLabel="Move" />
      </form>
    </Dialog>
  );
}

/** Adds the selected items of one organization to more of its collections; they stay in the ones they are in. */
function AssignCollectionsDialog({
  cipherIds,
  organizationId,
  context,
  onClose,
  onAssigned,
}: {
  cipherIds: string[];
  organizationId: string;
  context: VaultContext;
  onClose: () => void;
  onAssigned: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const assign = useAction(context.actions.addItemsToCollections, {
    success: ({ count }) =>
      `${itemCount(count)} assigned to ${chosen.length} collection${chosen.length === 1 ? "" : "s"}.`,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await assign.run({ organizationId, cipherIds, collectionIds: chosen })).ok) onAssigned();
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={assign.busy}
      title={`Assign ${itemCount(cipherIds.length)} to collections`}
      description="The items stay in the collections they are in already."
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        {assign.error ? <Alert tone="error">{assign.error}</Alert> : null}
        <CollectionChoice
          collections={editableCollections(context.collections, organizationId)}
          chosen={chosen}
          onChange={setChosen}
        />
        <DialogFormActions onCancel={onClose} busy={assign.busy} submitLabel="Assign" />
      </form>
    </Dialog>
  );
}
