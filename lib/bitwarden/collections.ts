import "server-only";
import type { VaultCollection } from "@/lib/dal/items";

/** CollectionDetailsResponse: a collection the caller reaches, with how (the five access levels as three flags). */
export function collectionDetailsResponse(collection: VaultCollection) {
  return {
    object: "collectionDetails",
    id: collection.id,
    organizationId: collection.organizationId,
    name: collection.name,
    externalId: null,
    type: 0,
    readOnly: collection.readOnly,
    hidePasswords: collection.hidePasswords,
    manage: collection.manage,
  };
}
