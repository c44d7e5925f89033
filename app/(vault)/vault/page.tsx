import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-classes";
import { VaultBrowser } from "@/components/vault/vault-browser";
import type { VaultActions } from "@/components/vault/vault-context";
import { requireUser } from "@/lib/authz/scope";
import { listVaultItems } from "@/lib/dal/items";
import { listMemberOrganizations } from "@/lib/dal/organizations";
import { listGrantedOrganizations } from "@/lib/dal/provider-access";
import { policiesForUser } from "@/lib/dal/policies";
import {
  addItemsToCollectionsAction,
  assignCollectionsAction,
  createAttachmentAction,
  createFolderAction,
  deleteAttachmentAction,
  createItem,
  deleteFolderAction,
  logItemActivity,
  moveItemsToFolderAction,
  moveItemToOrganizationAction,
  purgeItemsAction,
  renameFolderAction,
  restoreItemsAction,
  archiveItemsAction,
  unarchiveItemsAction,
  trashItemsAction,
  updateItemAction,
} from "./actions";

export const metadata: Metadata = { title: "Vault" };

const actions: VaultActions = {
  createItem,
  updateItem: updateItemAction,
  trashItems: trashItemsAction,
  restoreItems: restoreItemsAction,
  archiveItems: archiveItemsAction,
  unarchiveItems: unarchiveItemsAction,
  purgeItems: purgeItemsAction,
  moveItemToOrganization: moveItemToOrganizationAction,
  assignCollections: assignCollectionsAction,
  moveItemsToFolder: moveItemsToFolderAction,
  addItemsToCollections: addItemsToCollectionsAction,
  createFolder: createFolderAction,
  renameFolder: renameFolderAction,
  deleteFolder: deleteFolderAction,
  logItemActivity,
  createAttachment: createAttachmentAction,
  deleteAttachment: deleteAttachmentAction,
};

export default async function VaultPage() {
  const user = await requireUser();
  const [{ items, collections, folders }, organizations, grants, policies] = await Promise.all([
    listVaultItems(user),
    listMemberOrganizations(user),
    listGrantedOrganizations(user),
    policiesForUser(user),
  ]);
  return (
    <VaultBrowser
      items={items}
      collections={collections}
      folders={folders}
      organizations={organizations}
      grants={grants}
      personalAllowed={!policies.personalOwnership}
      generatorRules={policies.generator}
      actions={actions}
      description={`Welcome, ${user.name}. Your vault is decrypted in this tab only.`}
      links={
        <>
          <Link href="/create-organization" className={buttonClasses("secondary")}>
            New organization
          </Link>
          <Link href="/become-a-provider" className={buttonClasses("ghost")}>
            Become a provider
          </Link>
        </>
      }
    />
  );
}
