"use server";

import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { org } from "@/lib/authz/scope-rules";
import { createCollection, deleteCollection, updateCollection } from "@/lib/dal/collections";
import { deleteCollectionSchema, saveCollectionSchema } from "@/lib/validation/collections";

export const createCollectionAction = defineAction({
  name: "organization.collections.create",
  input: saveCollectionSchema,
  scope: org("org.collections.create"),
  async run({ input, scope, tx, record }) {
    if (input.collectionId) throw new ActionError("A new collection has no id yet.");
    const collectionId = await createCollection(tx, scope, input.name, input);
    await record({ type: "collection_created", collectionId });
    return { collectionId };
  },
});

export const updateCollectionAction = defineAction({
  name: "organization.collections.update",
  input: saveCollectionSchema,
  scope: org("org.collections.edit_any"),
  async run({ input, scope, tx, record }) {
    if (!input.collectionId) throw new ActionError("Say which collection to change.");
    await updateCollection(tx, scope, input.collectionId, input.name, input);
    await record({
      type: "collection_updated",
      collectionId: input.collectionId,
      details: { members: input.members.length, groups: input.groups.length },
    });
    return {};
  },
});

export const deleteCollectionAction = defineAction({
  name: "organization.collections.delete",
  input: deleteCollectionSchema,
  scope: org("org.collections.delete_any"),
  async run({ input, scope, tx, record }) {
    await deleteCollection(tx, scope, input.collectionId);
    await record({ type: "collection_deleted", collectionId: input.collectionId });
    return {};
  },
});
