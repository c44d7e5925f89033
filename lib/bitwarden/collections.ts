import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { OrganizationScope } from "@/lib/authz/scope-brand";
import type { VaultCollection } from "@/lib/dal/items";
import { loadOrganizationDirectory, type OrganizationDirectory } from "@/lib/dal/organization-directory";
import { encStringSchema, uuidSchema } from "@/lib/validation/common";
import { ACCESS_LEVELS, accessLevelOf, type AccessLevel } from "@/lib/vault/access-levels";
import { json } from "./route";

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

type DirectoryCollection = OrganizationDirectory["collections"][number];

const accessSelection = (grant: { id: string; level: AccessLevel }) => ({
  id: grant.id,
  ...ACCESS_LEVELS[grant.level],
});

/** CollectionAccessDetailsResponse: a collection as the Admin Console sees it, with who reaches it and how. */
export function collectionAccessResponse(organizationId: string, collection: DirectoryCollection) {
  return {
    object: "collectionAccessDetails",
    id: collection.id,
    organizationId,
    name: collection.name,
    externalId: null,
    type: 0,
    groups: collection.groups.map(accessSelection),
    users: collection.members.map(accessSelection),
  };
}

/** The collection of the scope's organization the route names, with its access; anything else is a 404. */
async function organizationCollection(scope: OrganizationScope, collectionId: string) {
  const directory = await loadOrganizationDirectory(scope);
  const collection = directory.collections.find((entry) => entry.id === collectionId);
  if (!collection) notFound();
  return collection;
}

export async function collectionAnswer(scope: OrganizationScope, collectionId: string): Promise<Response> {
  return json(collectionAccessResponse(scope.organizationId, await organizationCollection(scope, collectionId)));
}

/**
 * A 404 before changing a collection that is not the organization's (another tenant's id), as for reading one; the
 * actions alone would refuse it with a 400.
 */
export async function requireOrganizationCollection(scope: OrganizationScope, collectionId: string): Promise<void> {
  await organizationCollection(scope, collectionId);
}

const selectionSchema = z.object({
  id: uuidSchema,
  readOnly: z.boolean().nullish(),
  hidePasswords: z.boolean().nullish(),
  manage: z.boolean().nullish(),
});

/** CollectionRequest: an encrypted name, and who reaches the collection and how. */
export const collectionRequestSchema = z.object({
  name: encStringSchema(2),
  externalId: z.string().max(300).nullish(),
  groups: z.array(selectionSchema).max(5000).nullish(),
  users: z.array(selectionSchema).max(5000).nullish(),
});

/** A request's selections as the console's grants (member or group id, and an access level). */
export function grantsOf(selections: z.output<typeof selectionSchema>[] | null | undefined) {
  return (selections ?? []).map((selection) => ({
    id: selection.id,
    level: accessLevelOf({
      readOnly: selection.readOnly ?? false,
      hidePasswords: selection.hidePasswords ?? false,
      manage: selection.manage ?? false,
    }),
  }));
}
