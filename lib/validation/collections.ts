import { z } from "zod";
import { encStringSchema, nameSchema, uuidSchema } from "./common";
import { accessLevelSchema } from "./organization-members";

const grantsSchema = z
  .array(z.object({ id: uuidSchema, level: accessLevelSchema }))
  .max(5000, "Too many entries at once.")
  .refine((grants) => new Set(grants.map((grant) => grant.id)).size === grants.length, {
    error: "Someone is listed twice.",
  });

/** A collection's name is encrypted in the browser with the organization key: the server checks its shape only. */
const collectionNameSchema = encStringSchema(2).refine((value) => value.length <= 1000, {
  error: "The collection name is too long.",
});

export const saveCollectionSchema = z.object({
  organizationId: uuidSchema,
  /** Absent when creating. */
  collectionId: uuidSchema.optional(),
  name: collectionNameSchema,
  members: grantsSchema.default([]),
  groups: grantsSchema.default([]),
});

export const deleteCollectionSchema = z.object({ organizationId: uuidSchema, collectionId: uuidSchema });

export const saveGroupSchema = z.object({
  organizationId: uuidSchema,
  groupId: uuidSchema.optional(),
  name: nameSchema("Group name", 100),
  memberIds: z
    .array(uuidSchema)
    .max(5000, "Too many members at once.")
    .transform((ids) => [...new Set(ids)])
    .default([]),
  collections: z
    .array(z.object({ collectionId: uuidSchema, level: accessLevelSchema }))
    .max(1000, "Too many collections at once.")
    .refine((grants) => new Set(grants.map((grant) => grant.collectionId)).size === grants.length, {
      error: "A collection is listed twice.",
    })
    .default([]),
});

export const deleteGroupSchema = z.object({ organizationId: uuidSchema, groupId: uuidSchema });
