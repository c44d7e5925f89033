import { BITWARDEN_CIPHER_TYPE } from "@/lib/vault/cipher-model";
import type { ExportCollection, ExportItem, ExportSource } from "./types";

/**
 * One item in Bitwarden's export shape (organization export): its numeric type, the part of its own type only,
 * custom fields, old passwords and the collections it is in. Favorites and folders are per person, so an
 * organization export has none.
 */
function toBitwardenItem(item: ExportItem, organizationId: string, collectionIds: Set<string>) {
  const { view } = item;
  return {
    id: item.id,
    organizationId,
    folderId: null,
    type: BITWARDEN_CIPHER_TYPE[view.type],
    reprompt: view.reprompt,
    name: view.name,
    notes: view.notes,
    favorite: false,
    // Bitwarden's export has passkeys (as strings, like its view) but not the per-login autofill choice.
    ...(view.login ? { login: { ...view.login, autofillOnPageLoad: undefined } } : {}),
    ...(view.secureNote ? { secureNote: view.secureNote } : {}),
    ...(view.card ? { card: view.card } : {}),
    ...(view.identity ? { identity: view.identity } : {}),
    ...(view.sshKey ? { sshKey: view.sshKey } : {}),
    fields: view.fields,
    passwordHistory: view.passwordHistory,
    revisionDate: item.revisionDate,
    deletedDate: null,
    collectionIds: item.collectionIds.filter((id) => collectionIds.has(id)),
  };
}

function toBitwardenCollection(collection: ExportCollection, organizationId: string) {
  return { id: collection.id, organizationId, name: collection.name, externalId: null };
}

/** Bitwarden's unencrypted organization export: `{ encrypted: false, collections, items }`. */
export function toBitwardenJsonDocument(source: ExportSource) {
  const collectionIds = new Set(source.collections.map((collection) => collection.id));
  return {
    encrypted: false,
    collections: source.collections.map((collection) => toBitwardenCollection(collection, source.organizationId)),
    items: source.items.map((item) => toBitwardenItem(item, source.organizationId, collectionIds)),
  };
}

export function toBitwardenJson(source: ExportSource): string {
  return JSON.stringify(toBitwardenJsonDocument(source), null, 2);
}
