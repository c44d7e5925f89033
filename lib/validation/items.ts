import { z } from "zod";
import { CIPHER_LIMITS } from "@/lib/vault/cipher-model";
import { encryptedCipherSchema, organizationCipherSchema } from "./cipher";
import { encStringSchema, uuidSchema } from "./common";

/** Imports are sent in batches so a big file shows progress and no single request grows too large. */
export const IMPORT_BATCH_SIZE = 100;

/** The imported file's keyed hash (lib/crypto/keyed-hash.ts): 32 bytes as base64, meaningless without the key. */
export const importFileHashSchema = z
  .string({ error: "The file's fingerprint is missing." })
  .regex(/^[A-Za-z0-9+/]{43}=$/, { error: "The file's fingerprint is malformed." });

export const importBatchSchema = z.object({
  organizationId: uuidSchema,
  fileHash: importFileHashSchema,
  items: z
    .array(organizationCipherSchema)
    .min(1, "The batch is empty.")
    .max(IMPORT_BATCH_SIZE, `Send at most ${IMPORT_BATCH_SIZE} items at a time.`),
});

/** What the browser reports about an item it shows or copies from (the server cannot see it happen). */
export const ITEM_ACTIVITY_TYPES = [
  "cipher_viewed",
  "cipher_password_viewed",
  "cipher_password_copied",
  "cipher_username_copied",
  "cipher_totp_copied",
] as const;

export const itemActivitySchema = z.object({
  cipherId: uuidSchema,
  type: z.enum(ITEM_ACTIVITY_TYPES, { error: "Unknown item event." }),
});

const folderIdSchema = uuidSchema.nullable().default(null);

/** A new item: personal (with the creator's folder and favorite), or in an organization's collections. */
export const createItemSchema = z.discriminatedUnion("owner", [
  z.object({
    owner: z.literal("me"),
    cipher: encryptedCipherSchema,
    folderId: folderIdSchema,
    favorite: z.boolean().default(false),
  }),
  z.object({
    owner: z.literal("organization"),
    organizationId: uuidSchema,
    cipher: encryptedCipherSchema,
    collectionIds: z.array(uuidSchema).max(100, "An item can be in at most 100 collections."),
    folderId: folderIdSchema,
    favorite: z.boolean().default(false),
  }),
]);

/**
 * For a member who may not see hidden values: which stored hidden field, by its position in the item as served and
 * the name ciphertext it had there, a sent field keeps the value of (lib/vault/hidden-fields.ts). One per sent field.
 */
const hiddenValueSourceSchema = z
  .object({
    position: z
      .number()
      .int()
      .min(0)
      .max(CIPHER_LIMITS.fields - 1),
    name: z.string().max(CIPHER_LIMITS.valueLength).nullable(),
  })
  .nullable();

export type HiddenValueSource = z.infer<typeof hiddenValueSourceSchema>;

export const updateItemSchema = z.object({
  cipherId: uuidSchema,
  cipher: encryptedCipherSchema,
  folderId: folderIdSchema,
  favorite: z.boolean().default(false),
  hiddenValueSources: z.array(hiddenValueSourceSchema).max(CIPHER_LIMITS.fields).default([]),
});

export const itemStateSchema = z.object({ cipherId: uuidSchema, folderId: folderIdSchema, favorite: z.boolean() });

/** The most items one bulk change takes (Bitwarden's web vault selects at most 500 too). */
export const MAX_SELECTED_ITEMS = 500;

export const itemIdsSchema = z.object({
  cipherIds: z
    .array(uuidSchema)
    .min(1, "Select at least one item.")
    .max(MAX_SELECTED_ITEMS, `Select at most ${MAX_SELECTED_ITEMS} items at a time.`)
    .transform((ids) => [...new Set(ids)]),
});

/**
 * Deleting for good: from the trash in the web vault; the official apps may delete an item outside it, as Bitwarden
 * lets them.
 */
export const purgeItemsSchema = itemIdsSchema.extend({ evenOutsideTrash: z.boolean().default(false) });

export const moveItemsToFolderSchema = itemIdsSchema.extend({ folderId: folderIdSchema });

const moveCollectionIdsSchema = z
  .array(uuidSchema)
  .min(1, "Choose at least one collection.")
  .max(100, "An item can be in at most 100 collections.");

export const moveItemSchema = z.object({
  cipherId: uuidSchema,
  organizationId: uuidSchema,
  cipher: encryptedCipherSchema,
  collectionIds: moveCollectionIdsSchema,
});

/** Several personal items into one organization and the same collections, each re-encrypted for it. */
export const moveItemsSchema = z.object({
  organizationId: uuidSchema,
  items: z
    .array(z.object({ cipherId: uuidSchema, cipher: encryptedCipherSchema }))
    .min(1)
    .max(100, "Move at most 100 items at a time.")
    .refine((items) => new Set(items.map((item) => item.cipherId)).size === items.length, {
      error: "An item is listed twice.",
    }),
  collectionIds: moveCollectionIdsSchema,
});

export const assignCollectionsSchema = z.object({
  cipherId: uuidSchema,
  collectionIds: z
    .array(uuidSchema)
    .min(1, "Choose at least one collection.")
    .max(100, "An item can be in at most 100 collections."),
});

/** Bitwarden's bulk "Assign to collections": items of one organization join these collections, keeping their others. */
export const addItemsToCollectionsSchema = itemIdsSchema.extend({
  organizationId: uuidSchema,
  collectionIds: moveCollectionIdsSchema.transform((ids) => [...new Set(ids)]),
});

/** A folder's name is encrypted with the user key in the browser. */
const folderNameSchema = encStringSchema(2).refine((value) => value.length <= 1000, {
  error: "The folder name is too long.",
});

export const createFolderSchema = z.object({ name: folderNameSchema });
export const renameFolderSchema = z.object({ folderId: uuidSchema, name: folderNameSchema });
export const deleteFolderSchema = z.object({ folderId: uuidSchema });
