import "server-only";
import type { VaultItem } from "@/lib/dal/items";
import { BITWARDEN_CIPHER_TYPE } from "@/lib/vault/cipher-model";
import { unknownPartsOf } from "@/lib/vault/unknown-parts";
import { attachmentResponse } from "./attachments";

/**
 * CipherDetailsResponse (DESIGN §12): the stored document (already Bitwarden's typed shape, every secret an EncString)
 * plus the metadata and the caller's rights on it. `useTotp` is the owning organization's flag (false for personal
 * items). The item's unknown parts (lib/vault/unknown-parts.ts) are served where the app wrote them: inside its
 * objects as stored, and at the top level first, so that no name of the response can be taken by one.
 */
export function cipherResponse(item: VaultItem, useTotp: boolean) {
  const { data } = item;
  return {
    ...unknownPartsOf(data, "cipher"),
    object: "cipherDetails",
    id: item.id,
    organizationId: item.organizationId,
    folderId: item.folderId,
    type: BITWARDEN_CIPHER_TYPE[item.type],
    name: data.name,
    notes: data.notes,
    login: data.login
      ? { ...data.login, fido2Credentials: data.login.fido2Credentials.length > 0 ? data.login.fido2Credentials : null }
      : null,
    secureNote: data.secureNote,
    card: data.card,
    identity: data.identity,
    sshKey: data.sshKey,
    fields: data.fields.length > 0 ? data.fields : null,
    passwordHistory: data.passwordHistory.length > 0 ? data.passwordHistory : null,
    attachments: item.attachments.length > 0 ? item.attachments.map((file) => attachmentResponse(item.id, file)) : null,
    favorite: item.favorite,
    reprompt: item.reprompt,
    key: item.key,
    edit: item.permissions.edit,
    viewPassword: item.permissions.viewPassword,
    // Keyhouse lets whoever may edit an item trash and restore it (deleting it for good needs manage rights).
    permissions: { delete: item.permissions.edit, restore: item.permissions.edit },
    organizationUseTotp: useTotp,
    collectionIds: item.collectionIds,
    creationDate: item.createdAt,
    revisionDate: item.updatedAt,
    deletedDate: item.deletedAt,
    archivedDate: item.archivedAt,
    data: null,
  };
}
