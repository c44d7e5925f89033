import {
  addItemsToCollectionsAction,
  assignCollectionsAction,
  createFolderAction,
  createItem,
  deleteFolderAction,
  logItemActivity,
  moveItemsToFolderAction,
  moveItemToOrganizationAction,
  moveItemsToOrganizationAction,
  purgeItemsAction,
  renameFolderAction,
  restoreItemsAction,
  archiveItemsAction,
  unarchiveItemsAction,
  setItemStateAction,
  trashItemsAction,
  updateItemAction,
  createAttachmentAction,
  deleteAttachmentAction,
  uploadAttachmentAction,
} from "@/app/(vault)/vault/actions";
import { FAKE_ENC_2, FAKE_LOGIN, UNKNOWN_ID } from "../../../support/fakes";
import { SIGNED_IN_ROLES } from "../roles";
import type { IsolationEntry } from "./types";

/** Members who reach client 1's items with edit rights; provider members never reach a client's items (DESIGN §6). */
const CLIENT1_EDITORS = ["client_owner", "client_member"] as const;

export const ITEM_ACTIONS: IsolationEntry[] = [
  {
    name: "attachments.create",
    grants: false,
    action: createAttachmentAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherId: demo.client1Items[0], fileName: FAKE_ENC_2, key: FAKE_ENC_2, size: 16 }),
  },
  // The demo's items have no attachments: editors are refused too (not found), the others before that.
  {
    name: "attachments.upload",
    grants: false,
    action: uploadAttachmentAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherId: demo.client1Items[0], attachmentId: UNKNOWN_ID, data: new Uint8Array(16) }),
  },
  {
    name: "attachments.delete",
    grants: false,
    action: deleteAttachmentAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherId: demo.client1Items[0], attachmentId: UNKNOWN_ID }),
  },
  {
    name: "items.create",
    grants: false,
    action: createItem,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({
      owner: "organization",
      organizationId: demo.client1,
      cipher: FAKE_LOGIN,
      collectionIds: [demo.client1Collection],
    }),
  },
  {
    name: "items.update",
    grants: false,
    action: updateItemAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherId: demo.client1Items[0], cipher: FAKE_LOGIN }),
  },
  {
    name: "items.setState",
    grants: false,
    action: setItemStateAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherId: demo.client1Items[0], folderId: null, favorite: true }),
  },
  // Filing an item in a folder needs only to reach it (folders are one's own); no folder keeps the change small.
  {
    name: "items.moveToFolder",
    grants: false,
    action: moveItemsToFolderAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherIds: [demo.client1Items[0]], folderId: null }),
  },
  {
    name: "items.trash",
    grants: false,
    action: trashItemsAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherIds: [demo.client1Items[0]] }),
  },
  {
    name: "items.restore",
    grants: false,
    action: restoreItemsAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherIds: [demo.client1Items[0]] }),
  },
  {
    name: "items.archive",
    grants: false,
    action: archiveItemsAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherIds: [demo.client1Items[0]] }),
  },
  {
    name: "items.unarchive",
    grants: false,
    action: unarchiveItemsAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherIds: [demo.client1Items[0]] }),
  },
  // Deleting for good needs "can manage" (the owner); and the item is not in the trash, so even they are refused.
  {
    name: "items.purge",
    grants: false,
    action: purgeItemsAction,
    allowed: ["client_owner"],
    input: (demo) => ({ cipherIds: [demo.client1Items[0]] }),
  },
  // Only one's own personal items move into an organization: this one is an organization item already.
  {
    name: "items.moveToOrganization",
    grants: false,
    action: moveItemToOrganizationAction,
    allowed: [],
    input: (demo) => ({
      cipherId: demo.client1Items[0],
      organizationId: demo.client1,
      cipher: FAKE_LOGIN,
      collectionIds: [demo.client1Collection],
    }),
  },
  {
    name: "items.moveManyToOrganization",
    grants: false,
    action: moveItemsToOrganizationAction,
    allowed: [],
    input: (demo) => ({
      organizationId: demo.client1,
      items: [{ cipherId: demo.client1Items[0], cipher: FAKE_LOGIN }],
      collectionIds: [demo.client1Collection],
    }),
  },
  {
    name: "items.assignCollections",
    grants: true,
    action: assignCollectionsAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherId: demo.client1Items[0], collectionIds: [demo.client1Collection] }),
  },
  {
    name: "items.addToCollections",
    grants: true,
    action: addItemsToCollectionsAction,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({
      organizationId: demo.client1,
      cipherIds: [demo.client1Items[0]],
      collectionIds: [demo.client1Collection],
    }),
  },
  // Folders are personal: anyone signed in has their own; another user's folder id is simply unknown to them.
  {
    name: "folders.create",
    grants: false,
    action: createFolderAction,
    allowed: SIGNED_IN_ROLES,
    input: () => ({ name: FAKE_ENC_2 }),
  },
  {
    name: "folders.rename",
    grants: false,
    action: renameFolderAction,
    allowed: [],
    input: () => ({ folderId: UNKNOWN_ID, name: FAKE_ENC_2 }),
  },
  {
    name: "folders.delete",
    grants: false,
    action: deleteFolderAction,
    allowed: [],
    input: () => ({ folderId: UNKNOWN_ID }),
  },
  {
    name: "items.logActivity",
    grants: false,
    action: logItemActivity,
    allowed: CLIENT1_EDITORS,
    input: (demo) => ({ cipherId: demo.client1Items[0], type: "cipher_password_copied" }),
  },
];
