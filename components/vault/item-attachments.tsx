"use client";

import { useRouter } from "next/navigation";
import { type ChangeEvent, useEffect, useId, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { SymmetricKey } from "@/lib/crypto";
import type { VaultAttachment, VaultItem } from "@/lib/dal/items";
import {
  attachmentWrappingKey,
  decryptAttachment,
  decryptAttachmentName,
  encryptAttachment,
} from "@/lib/vault/attachment-crypto";
import { sizeName } from "@/lib/vault/attachments";
import type { VaultActions } from "./vault-context";

type Named = VaultAttachment & { name: string };

/** Where the web vault sends and fetches an attachment's encrypted bytes (its session cookie authenticates). */
const bytesPath = (cipherId: string, attachmentId: string) => `/vault/attachments/${cipherId}/${attachmentId}`;

async function messageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
  return typeof body?.message === "string" ? body.message : "The server could not store the file. Try again.";
}

/** Hands decrypted bytes to the browser as a download; they never leave this tab otherwise. */
function saveFile(name: string, bytes: Uint8Array<ArrayBuffer>) {
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * An item's files: names decrypted here, downloads decrypted here, uploads encrypted here (lib/vault/attachment-
 * crypto.ts). Adding and deleting are for those who may edit the item.
 */
export function ItemAttachments({
  item,
  canEdit,
  actions,
}: {
  item: VaultItem;
  canEdit: boolean;
  actions: Pick<VaultActions, "createAttachment" | "deleteAttachment">;
}) {
  const { userKey, keys } = useKeyring();
  const router = useRouter();
  const toast = useToast();
  const inputId = useId();
  const [wrappingKey, setWrappingKey] = useState<SymmetricKey | null>(null);
  const [files, setFiles] = useState<Named[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Named | null>(null);
  const remove = useAction(actions.deleteAttachment, { success: () => "Attachment deleted." });

  useEffect(() => {
    let current = true;
    (async () => {
      const ownerKey = item.organizationId ? await keys.organizationKey(item.organizationId) : userKey;
      const key = await attachmentWrappingKey(item.key, ownerKey);
      const named = await Promise.all(
        item.attachments.map(async (file) => ({
          ...file,
          name: await decryptAttachmentName(file, key).catch(() => "(a file name that could not be decrypted)"),
        })),
      );
      if (current) {
        setWrappingKey(key);
        setFiles(named);
      }
    })().catch(() => current && setFiles([]));
    return () => {
      current = false;
    };
  }, [item, keys, userKey]);

  async function download(file: Named) {
    if (!wrappingKey) return;
    setBusy(file.id);
    try {
      const response = await fetch(bytesPath(item.id, file.id), { cache: "no-store" });
      if (!response.ok) throw new Error(await messageOf(response));
      saveFile(file.name, await decryptAttachment(file, new Uint8Array(await response.arrayBuffer()), wrappingKey));
    } catch (error) {
      toast.show(
        error instanceof Error && error.message ? error.message : "The file could not be downloaded.",
        "error",
      );
    } finally {
      setBusy(null);
    }
  }

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    if (!chosen || !wrappingKey) return;
    setBusy("upload");
    try {
      const encrypted = await encryptAttachment(chosen.name, new Uint8Array(await chosen.arrayBuffer()), wrappingKey);
      const announced = await actions.createAttachment({
        cipherId: item.id,
        fileName: encrypted.fileName,
        key: encrypted.key,
        size: encrypted.data.byteLength,
      });
      if (!announced.ok) return toast.show(announced.error, "error");
      const form = new FormData();
      form.append("data", new Blob([encrypted.data], { type: "application/octet-stream" }), encrypted.fileName);
      const response = await fetch(bytesPath(item.id, announced.attachmentId), { method: "POST", body: form });
      if (!response.ok) {
        const message = await messageOf(response);
        // The announced file would wait for bytes that never come: take it back.
        await actions.deleteAttachment({ cipherId: item.id, attachmentId: announced.attachmentId }).catch(() => null);
        return toast.show(message, "error");
      }
      toast.show(`${chosen.name} attached.`);
      router.refresh();
    } catch {
      toast.show("The file could not be attached. Check your connection and try again.", "error");
    } finally {
      input.value = "";
      setBusy(null);
    }
  }

  if (files.length === 0 && !canEdit) return null;
  return (
    <section className="mt-4" aria-label="Attachments">
      <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Attachments</h3>
      {files.length === 0 ? <p className="mt-1 text-sm text-slate-600">No attachments.</p> : null}
      <ul className="mt-1 flex flex-col gap-1">
        {files.map((file) => (
          <li key={file.id} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="break-all">{file.name}</span>
            <span className="text-xs text-slate-500">{sizeName(file.size)}</span>
            <Button variant="ghost" loading={busy === file.id} onClick={() => void download(file)}>
              Download<span className="sr-only"> {file.name}</span>
            </Button>
            {canEdit ? (
              <Button variant="ghost" onClick={() => setDeleting(file)}>
                Delete<span className="sr-only"> {file.name}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <div className="mt-2">
          <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
            Add attachment
          </label>
          <input
            id={inputId}
            type="file"
            className="mt-1 block text-sm"
            disabled={busy !== null || !wrappingKey}
            onChange={(event) => void upload(event)}
          />
          <p className="mt-1 text-xs text-slate-500">
            The file is encrypted in this browser; the server only receives ciphertext.
          </p>
        </div>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? "this attachment"}?`}
        message="The file is deleted for good, for everyone who can see this item."
        confirmLabel="Delete attachment"
        tone="danger"
        busy={remove.busy}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          const result = await remove.run({ cipherId: item.id, attachmentId: deleting.id });
          setDeleting(null);
          if (!result.ok) toast.show(result.error, "error");
        }}
      />
    </section>
  );
}
