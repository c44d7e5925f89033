import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { collections } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type OrganizationScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import type { AccessLevel } from "@/lib/vault/access-levels";
import { loadGrantor, replaceCollectionAccess, withCreatedCollection } from "./access-grants";

type CollectionAccess = { members: { id: string; level: AccessLevel }[]; groups: { id: string; level: AccessLevel }[] };

/** Creates a collection (its name already encrypted with the organization key) with its access list. */
export async function createCollection(
  tx: Executor,
  scope: OrganizationScope,
  name: EncString,
  access: CollectionAccess,
) {
  const { organizationId } = assertScope(scope);
  const grantor = await loadGrantor(tx, scope);
  const [collection] = await tx.insert(collections).values({ organizationId, name }).returning({ id: collections.id });
  await replaceCollectionAccess(tx, scope, withCreatedCollection(grantor, collection!.id), collection!.id, access);
  return collection!.id;
}

/** Locks a collection of this organization; another organization's id is refused like an unknown one. */
async function lockCollection(tx: Executor, scope: OrganizationScope, collectionId: string): Promise<void> {
  const { organizationId } = assertScope(scope);
  const [collection] = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(and(eq(collections.organizationId, organizationId), eq(collections.id, collectionId)))
    .for("update");
  if (!collection) throw new ActionError("This collection no longer exists. Reload the page.");
}

export async function updateCollection(
  tx: Executor,
  scope: OrganizationScope,
  collectionId: string,
  name: EncString,
  access: CollectionAccess,
) {
  const { organizationId } = assertScope(scope);
  await lockCollection(tx, scope, collectionId);
  await tx
    .update(collections)
    .set({ name })
    .where(and(eq(collections.organizationId, organizationId), eq(collections.id, collectionId)));
  await replaceCollectionAccess(tx, scope, await loadGrantor(tx, scope), collectionId, access);
}

/** Deletes a collection; its items stay in the organization (unassigned, as in Bitwarden), its grants go with it. */
export async function deleteCollection(tx: Executor, scope: OrganizationScope, collectionId: string) {
  const { organizationId } = assertScope(scope);
  await lockCollection(tx, scope, collectionId);
  await tx
    .delete(collections)
    .where(and(eq(collections.organizationId, organizationId), eq(collections.id, collectionId)));
}
