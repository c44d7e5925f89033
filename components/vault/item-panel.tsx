"use client";

import { X } from "lucide-react";
import { type RefCallback, useEffect, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import type { VaultItem } from "@/lib/dal/items";
import { decryptCipher } from "@/lib/vault/cipher-crypto";
import type { CipherView } from "@/lib/vault/cipher-model";
import { TYPE_LABELS } from "./filters";
import { CollectionsDialog, MoveToOrganizationDialog } from "./item-dialogs";
import { ItemAttachments } from "./item-attachments";
import { ItemIcon } from "./item-icon";
import { ItemView } from "./item-view";
import { RepromptDialog } from "./reprompt";
import type { VaultContext } from "./vault-context";

type Props = {
  item: VaultItem;
  context: VaultContext;
  /** The item's name heading: focus goes there when the panel opens over the list. */
  headingRef: RefCallback<HTMLElement>;
  onClose: () => void;
  onEdit: (view: CipherView) => void;
  onClone: (view: CipherView) => void;
  onGone: () => void;
};

type Pending = "trash" | "purge" | "move" | "collections" | null;

/** One item, decrypted in full only now that it is opened, with what the person may do with it. */
export function ItemPanel({ item, context, headingRef, onClose, onEdit, onClone, onGone }: Props) {
  const { userKey, keys } = useKeyring();
  const toast = useToast();
  const [view, setView] = useState<CipherView | null>(null);
  const [failed, setFailed] = useState(false);
  const [unlocked, setUnlocked] = useState(item.reprompt === 0);
  const [pending, setPending] = useState<Pending>(null);
  const [afterReprompt, setAfterReprompt] = useState<(() => void) | null>(null);
  const { logItemActivity } = context.actions;
  const trash = useAction(context.actions.trashItems, { success: () => "Item sent to the trash." });
  const restore = useAction(context.actions.restoreItems, { success: () => "Item restored." });
  const archive = useAction(context.actions.archiveItems, { success: () => "Item archived." });
  const unarchive = useAction(context.actions.unarchiveItems, { success: () => "Item unarchived." });
  const purge = useAction(context.actions.purgeItems, { success: () => "Item deleted for good." });

  useEffect(() => {
    let current = true;
    (async () => {
      const key = item.organizationId ? await keys.organizationKey(item.organizationId) : userKey;
      const decrypted = await decryptCipher(
        { type: item.type, reprompt: item.reprompt, key: item.key, data: item.data },
        key,
      );
      if (current) setView(decrypted);
    })().catch(() => current && setFailed(true));
    void logItemActivity({ cipherId: item.id, type: "cipher_viewed" }).catch(() => undefined);
    return () => {
      current = false;
    };
  }, [item, keys, userKey, logItemActivity]);

  /** Runs `then` at once, or after the master password re-prompt for items marked with it. */
  function guarded(then: () => void) {
    if (unlocked) return then();
    setAfterReprompt(() => then);
  }

  if (failed) return <Card>This item could not be decrypted.</Card>;
  if (!view) return <Spinner label="Decrypting…" />;
  const deleted = item.deletedAt !== null;
  const collections = context.collections.filter((collection) => item.collectionIds.includes(collection.id));
  const folder = context.folders.find((candidate) => candidate.id === item.folderId);

  return (
    <Card>
      <div className="mb-4 flex items-start gap-3">
        <ItemIcon type={item.type} name={view.name} uris={view.login?.uris.map((uri) => uri.uri ?? "") ?? []} />
        <div className="min-w-0 flex-1">
          <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold break-all focus:outline-none">
            {view.name}
          </h2>
          <p className="text-xs text-slate-600">
            {TYPE_LABELS[item.type]}
            {item.organizationId
              ? ` · ${
                  [...context.organizations, ...context.grantedOrganizations].find(
                    (organization) => organization.id === item.organizationId,
                  )?.name ?? "Organization"
                }`
              : " · My vault"}
            {folder ? ` · ${folder.name}` : ""}
          </p>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close item"
          className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        >
          <X aria-hidden="true" className="size-5" />
        </button>
      </div>
      <div className="mb-4 flex flex-wrap gap-2">
        {!deleted && item.permissions.edit ? (
          <Button variant="secondary" onClick={() => guarded(() => onEdit(view))}>
            Edit
          </Button>
        ) : null}
        {!deleted && (item.organizationId === null || item.permissions.edit) ? (
          <Button variant="secondary" onClick={() => guarded(() => onClone(view))}>
            Clone
          </Button>
        ) : null}
        {!deleted && item.organizationId === null && context.organizations.length > 0 ? (
          <Button variant="secondary" onClick={() => guarded(() => setPending("move"))}>
            Move to organization
          </Button>
        ) : null}
        {!deleted && item.organizationId && item.permissions.edit ? (
          <Button variant="secondary" onClick={() => setPending("collections")}>
            Collections
          </Button>
        ) : null}
        {!deleted && item.permissions.edit ? (
          <Button
            variant="secondary"
            loading={archive.busy || unarchive.busy}
            onClick={async () => {
              const change = item.archivedAt === null ? archive : unarchive;
              const result = await change.run({ cipherIds: [item.id] });
              if (!result.ok) toast.show(result.error, "error");
            }}
          >
            {item.archivedAt === null ? "Archive" : "Unarchive"}
          </Button>
        ) : null}
        {!deleted && item.permissions.edit ? (
          <Button variant="ghost" onClick={() => setPending("trash")}>
            Delete
          </Button>
        ) : null}
        {deleted && item.permissions.edit ? (
          <Button
            variant="secondary"
            loading={restore.busy}
            onClick={async () => {
              const result = await restore.run({ cipherIds: [item.id] });
              if (!result.ok) toast.show(result.error, "error");
            }}
          >
            Restore
          </Button>
        ) : null}
        {deleted && item.permissions.manage ? (
          <Button variant="danger" onClick={() => setPending("purge")}>
            Delete permanently
          </Button>
        ) : null}
      </div>
      {unlocked ? (
        <ItemView
          cipherId={item.id}
          view={view}
          viewPassword={item.permissions.viewPassword}
          logActivity={context.actions.logItemActivity}
        />
      ) : (
        <div className="flex flex-col items-start gap-2 text-sm text-slate-600">
          <p>This item is protected with master password re-prompt.</p>
          <Button variant="secondary" onClick={() => guarded(() => undefined)}>
            Show item
          </Button>
        </div>
      )}
      {unlocked ? (
        <ItemAttachments item={item} canEdit={!deleted && item.permissions.edit} actions={context.actions} />
      ) : null}
      {collections.length > 0 ? (
        <p className="mt-4 text-xs text-slate-600">
          Collections: {collections.map((collection) => collection.name).join(", ")}
        </p>
      ) : null}
      <p className="mt-1 text-xs text-slate-500">Updated {new Date(item.updatedAt).toLocaleString("en")}</p>

      {afterReprompt ? (
        <RepromptDialog
          onCancel={() => setAfterReprompt(null)}
          onConfirmed={() => {
            setUnlocked(true);
            const next = afterReprompt;
            setAfterReprompt(null);
            next();
          }}
        />
      ) : null}
      {pending === "move" ? (
        <MoveToOrganizationDialog item={item} view={view} context={context} onClose={() => setPending(null)} />
      ) : null}
      {pending === "collections" ? (
        <CollectionsDialog item={item} name={view.name} context={context} onClose={() => setPending(null)} />
      ) : null}
      <ConfirmDialog
        open={pending === "trash"}
        title={`Send ${view.name} to the trash?`}
        message="Items in the trash are deleted for good after 30 days. You can restore it until then."
        confirmLabel="Send to trash"
        tone="danger"
        busy={trash.busy}
        onCancel={() => setPending(null)}
        onConfirm={async () => {
          const result = await trash.run({ cipherIds: [item.id] });
          setPending(null);
          if (result.ok) onGone();
          else toast.show(result.error, "error");
        }}
      />
      <ConfirmDialog
        open={pending === "purge"}
        title={`Delete ${view.name} for good?`}
        message="This cannot be undone."
        confirmLabel="Delete permanently"
        tone="danger"
        busy={purge.busy}
        onCancel={() => setPending(null)}
        onConfirm={async () => {
          const result = await purge.run({ cipherIds: [item.id] });
          setPending(null);
          if (result.ok) onGone();
          else toast.show(result.error, "error");
        }}
      />
    </Card>
  );
}
