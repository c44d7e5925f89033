import "server-only";
import { and, eq, isNotNull, isNull, lt } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { attachmentContents, attachments, ciphers } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { type UserScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import { maxFileSizeMessage } from "@/lib/vault/attachments";
import { findReachableItem } from "./items";
import { lockItemToEdit } from "./item-writes";

/**
 * Files attached to items (Bitwarden's attachments). The rights are the item's, checked by the same statements as
 * every item change: adding, uploading and deleting need edit rights on an item out of the trash (lockItemToEdit),
 * reading needs to reach the item (findReachableItem). The server stores ciphertext only.
 */

const NOT_FOUND = "This attachment does not exist.";

/** An upload that never came (the app stopped halfway) is forgotten after a day. */
const ABANDONED_UPLOAD_HOURS = 24;

/** The item's revision moves with its attachments, so the apps see the change. */
async function touchItem(tx: Executor, cipherId: string): Promise<void> {
  await tx.update(ciphers).set({ updatedAt: new Date() }).where(eq(ciphers.id, cipherId));
}

export type NewAttachment = { fileName: EncString; key: EncString; size: number };

/** Announces a file: the row waits for its bytes. `maxBytes` is the configured limit on the encrypted size. */
export async function createAttachment(
  tx: Executor,
  scope: UserScope,
  cipherId: string,
  file: NewAttachment,
  maxBytes: number,
) {
  const item = await lockItemToEdit(tx, scope, cipherId);
  if (file.size > maxBytes) throw new ActionError(maxFileSizeMessage(maxBytes));
  const [created] = await tx
    .insert(attachments)
    .values({ cipherId: item.id, organizationId: item.organizationId, ...file })
    .returning({ id: attachments.id });
  return { item, attachmentId: created!.id };
}

/** Stores the encrypted bytes of an announced file; they must be as many as announced. */
export async function storeAttachmentContent(
  tx: Executor,
  scope: UserScope,
  cipherId: string,
  attachmentId: string,
  data: Uint8Array,
) {
  const item = await lockItemToEdit(tx, scope, cipherId);
  const [pending] = await tx
    .select({ id: attachments.id, size: attachments.size })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.cipherId, item.id), isNull(attachments.uploadedAt)))
    .for("update");
  if (!pending) throw new ActionError(NOT_FOUND);
  if (data.byteLength !== pending.size)
    throw new ActionError("The file received does not match the size announced for it.");
  await tx.insert(attachmentContents).values({ attachmentId, data });
  await tx.update(attachments).set({ uploadedAt: new Date() }).where(eq(attachments.id, attachmentId));
  await touchItem(tx, item.id);
  return item;
}

/** Deletes an attachment, uploaded or not, with its bytes. */
export async function deleteAttachment(tx: Executor, scope: UserScope, cipherId: string, attachmentId: string) {
  const item = await lockItemToEdit(tx, scope, cipherId);
  const deleted = await tx
    .delete(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.cipherId, item.id)))
    .returning({ id: attachments.id });
  if (deleted.length === 0) throw new ActionError(NOT_FOUND);
  await touchItem(tx, item.id);
  return item;
}

/** The encrypted bytes of an uploaded attachment of an item the caller reaches; null otherwise. */
export async function readAttachmentContent(
  scope: UserScope,
  cipherId: string,
  attachmentId: string,
): Promise<Uint8Array | null> {
  const db = await getDb();
  if (!(await findReachableItem(db, scope, cipherId))) return null;
  return readUploadedContent(cipherId, attachmentId);
}

/**
 * The same, for a download link the server signed (lib/auth/attachment-link.ts): it was handed, minutes ago, to
 * someone who reached the item, and names the item and the file. Scope-less for that reason.
 */
export async function readSignedAttachmentContent(cipherId: string, attachmentId: string): Promise<Uint8Array | null> {
  return readUploadedContent(cipherId, attachmentId);
}

async function readUploadedContent(cipherId: string, attachmentId: string): Promise<Uint8Array | null> {
  const db = await getDb();
  const [row] = await db
    .select({ data: attachmentContents.data })
    .from(attachmentContents)
    .innerJoin(attachments, eq(attachments.id, attachmentContents.attachmentId))
    .where(
      and(eq(attachments.id, attachmentId), eq(attachments.cipherId, cipherId), isNotNull(attachments.uploadedAt)),
    );
  return row?.data ?? null;
}

/** Forgets announced files whose bytes never came (housekeeping of the whole installation, like the trash). */
export async function purgeAbandonedUploads(executor: Executor, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_UPLOAD_HOURS * 60 * 60 * 1000);
  const purged = await executor
    .delete(attachments)
    .where(and(isNull(attachments.uploadedAt), lt(attachments.createdAt, cutoff)))
    .returning({ id: attachments.id });
  return purged.length;
}
