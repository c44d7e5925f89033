"use server";

import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { requireUser } from "@/lib/authz/scope";
import { user } from "@/lib/authz/scope-rules";
import { type UserScope } from "@/lib/authz/scope-brand";
import {
  addItemsToCollections,
  archiveItems,
  assignItemCollections,
  createFolder,
  createOrganizationItem,
  createPersonalItem,
  deleteFolder,
  moveItemsToFolder,
  moveItemToOrganization,
  purgeItems,
  renameFolder,
  setItemState,
  trashItems,
  updateItem,
} from "@/lib/dal/item-writes";
import { findReachableItem } from "@/lib/dal/items";
import { createAttachment, deleteAttachment, storeAttachmentContent } from "@/lib/dal/attachments";
import { maxAttachmentBytes } from "@/lib/server/config";
import { attachmentIdsSchema, createAttachmentSchema, uploadAttachmentSchema } from "@/lib/validation/attachments";
import { policiesForUser } from "@/lib/dal/policies";
import {
  addItemsToCollectionsSchema,
  assignCollectionsSchema,
  createFolderSchema,
  createItemSchema,
  deleteFolderSchema,
  itemActivitySchema,
  itemIdsSchema,
  itemStateSchema,
  moveItemSchema,
  moveItemsSchema,
  moveItemsToFolderSchema,
  purgeItemsSchema,
  renameFolderSchema,
  updateItemSchema,
} from "@/lib/validation/items";

/** "Remove individual vault": members of an organization with the policy keep no personal items (DESIGN §6). */
async function requireUserAllowedPersonalItems(): Promise<UserScope> {
  const scope = await requireUser();
  if ((await policiesForUser(scope)).personalOwnership) {
    throw new ActionError(
      "An organization policy requires you to save items to an organization, not to your personal vault.",
    );
  }
  return scope;
}

export const createItem = defineAction({
  name: "items.create",
  input: createItemSchema,
  authorize: (input) => (input.owner === "me" ? requireUserAllowedPersonalItems() : requireUser()),
  async run({ input, scope, tx, record }) {
    if (input.owner === "me") {
      const cipherId = await createPersonalItem(tx, scope, input.cipher, input);
      await record({ type: "cipher_created", cipherId });
      return { cipherId };
    }
    const cipherId = await createOrganizationItem(tx, scope, input.organizationId, input.cipher, input.collectionIds);
    await setItemState(tx, scope, cipherId, input);
    await record({ type: "cipher_created", cipherId, organizationId: input.organizationId });
    return { cipherId };
  },
});

export const updateItemAction = defineAction({
  name: "items.update",
  input: updateItemSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const item = await updateItem(tx, scope, input.cipherId, input.cipher, input.hiddenValueSources);
    await setItemState(tx, scope, input.cipherId, input);
    await record({ type: "cipher_updated", cipherId: item.id, organizationId: item.organizationId });
    return {};
  },
});

export const setItemStateAction = defineAction({
  name: "items.setState",
  input: itemStateSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const item = await findReachableItem(tx, scope, input.cipherId);
    if (!item) throw new ActionError("This item does not exist or is not yours to see.");
    await setItemState(tx, scope, input.cipherId, input);
    await record({
      type: "cipher_updated",
      cipherId: item.id,
      organizationId: item.organizationId,
      details: { state: true },
    });
    return {};
  },
});

export const trashItemsAction = defineAction({
  name: "items.trash",
  input: itemIdsSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const items = await trashItems(tx, scope, input.cipherIds, true);
    for (const item of items)
      await record({ type: "cipher_deleted", cipherId: item.id, organizationId: item.organizationId });
    return { count: items.length };
  },
});

export const restoreItemsAction = defineAction({
  name: "items.restore",
  input: itemIdsSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const items = await trashItems(tx, scope, input.cipherIds, false);
    for (const item of items)
      await record({ type: "cipher_restored", cipherId: item.id, organizationId: item.organizationId });
    return { count: items.length };
  },
});

export const archiveItemsAction = defineAction({
  name: "items.archive",
  input: itemIdsSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const items = await archiveItems(tx, scope, input.cipherIds, true);
    for (const item of items)
      await record({ type: "cipher_archived", cipherId: item.id, organizationId: item.organizationId });
    return { count: items.length };
  },
});

export const unarchiveItemsAction = defineAction({
  name: "items.unarchive",
  input: itemIdsSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const items = await archiveItems(tx, scope, input.cipherIds, false);
    for (const item of items)
      await record({ type: "cipher_unarchived", cipherId: item.id, organizationId: item.organizationId });
    return { count: items.length };
  },
});

export const purgeItemsAction = defineAction({
  name: "items.purge",
  input: purgeItemsSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const items = await purgeItems(tx, scope, input.cipherIds, input);
    for (const item of items)
      await record({ type: "cipher_purged", cipherId: item.id, organizationId: item.organizationId });
    return { count: items.length };
  },
});

/** Files several items in one of the caller's folders (or takes them out of folders); favorites stay. */
export const moveItemsToFolderAction = defineAction({
  name: "items.moveToFolder",
  input: moveItemsToFolderSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const items = await moveItemsToFolder(tx, scope, input.cipherIds, input.folderId);
    for (const item of items)
      await record({
        type: "cipher_updated",
        cipherId: item.id,
        organizationId: item.organizationId,
        details: { state: true },
      });
    return { count: items.length };
  },
});

export const moveItemToOrganizationAction = defineAction({
  name: "items.moveToOrganization",
  input: moveItemSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    await moveItemToOrganization(tx, scope, input.cipherId, input.organizationId, input.cipher, input.collectionIds);
    await record({
      type: "cipher_collections_updated",
      cipherId: input.cipherId,
      organizationId: input.organizationId,
      details: { moved: true },
    });
    return {};
  },
});

/** The apps' bulk move into an organization (PUT /api/ciphers/share): the single move for each, in one transaction. */
export const moveItemsToOrganizationAction = defineAction({
  name: "items.moveManyToOrganization",
  input: moveItemsSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    for (const { cipherId, cipher } of input.items) {
      await moveItemToOrganization(tx, scope, cipherId, input.organizationId, cipher, input.collectionIds);
      await record({
        type: "cipher_collections_updated",
        cipherId,
        organizationId: input.organizationId,
        details: { moved: true },
      });
    }
    return { count: input.items.length };
  },
});

export const assignCollectionsAction = defineAction({
  name: "items.assignCollections",
  input: assignCollectionsSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const item = await assignItemCollections(tx, scope, input.cipherId, input.collectionIds);
    await record({ type: "cipher_collections_updated", cipherId: item.id, organizationId: item.organizationId });
    return {};
  },
});

/** Several items of one organization join more collections (the vault's bulk "Assign to collections"). */
export const addItemsToCollectionsAction = defineAction({
  name: "items.addToCollections",
  input: addItemsToCollectionsSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const items = await addItemsToCollections(tx, scope, input.organizationId, input.cipherIds, input.collectionIds);
    for (const item of items)
      await record({ type: "cipher_collections_updated", cipherId: item.id, organizationId: input.organizationId });
    return { count: items.length };
  },
});

export const createFolderAction = defineAction({
  name: "folders.create",
  input: createFolderSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const folderId = await createFolder(tx, scope, input.name);
    await record({ type: "folder_created", details: { folderId } });
    return { folderId };
  },
});

export const renameFolderAction = defineAction({
  name: "folders.rename",
  input: renameFolderSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    await renameFolder(tx, scope, input.folderId, input.name);
    await record({ type: "folder_updated", details: { folderId: input.folderId } });
    return {};
  },
});

export const deleteFolderAction = defineAction({
  name: "folders.delete",
  input: deleteFolderSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    await deleteFolder(tx, scope, input.folderId);
    await record({ type: "folder_deleted", details: { folderId: input.folderId } });
    return {};
  },
});

/** The browser says it showed an item, or copied from it; organization items land in that organization's event log. */
export const logItemActivity = defineAction({
  name: "items.logActivity",
  input: itemActivitySchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const item = await findReachableItem(tx, scope, input.cipherId);
    if (!item) throw new ActionError("This item does not exist or is not yours to see.");
    const aboutPassword =
      input.type === "cipher_password_viewed" ||
      input.type === "cipher_password_copied" ||
      input.type === "cipher_totp_copied";
    if (aboutPassword && !item.viewPassword) throw new ActionError("You may not see this item's password.");
    await record({ type: input.type, cipherId: item.id, organizationId: item.organizationId });
    return {};
  },
});

/**
 * Announces a file to attach to an item (its encrypted name, key and size); its bytes follow through a route
 * (uploadAttachmentAction), which the apps and the web vault call with the id this returns.
 */
export const createAttachmentAction = defineAction({
  name: "attachments.create",
  input: createAttachmentSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const { item, attachmentId } = await createAttachment(tx, scope, input.cipherId, input, maxAttachmentBytes());
    await record({
      type: "cipher_attachment_announced",
      cipherId: item.id,
      organizationId: item.organizationId,
      details: { attachmentId },
    });
    return { attachmentId };
  },
});

/** Stores an announced file's encrypted bytes: only route handlers call it (the bytes exceed an action's body limit). */
export const uploadAttachmentAction = defineAction({
  name: "attachments.upload",
  input: uploadAttachmentSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const item = await storeAttachmentContent(tx, scope, input.cipherId, input.attachmentId, input.data);
    await record({
      type: "cipher_attachment_created",
      cipherId: item.id,
      organizationId: item.organizationId,
      details: { attachmentId: input.attachmentId },
    });
    return {};
  },
});

export const deleteAttachmentAction = defineAction({
  name: "attachments.delete",
  input: attachmentIdsSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const item = await deleteAttachment(tx, scope, input.cipherId, input.attachmentId);
    await record({
      type: "cipher_attachment_deleted",
      cipherId: item.id,
      organizationId: item.organizationId,
      details: { attachmentId: input.attachmentId },
    });
    return {};
  },
});
