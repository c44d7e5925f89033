import { z } from "zod";
import { uuidSchema } from "./common";
import { organizationCipherSchema } from "./cipher";

/** Imports are sent in batches so a big file shows progress and no single request grows too large. */
export const IMPORT_BATCH_SIZE = 100;

export const importBatchSchema = z.object({
  organizationId: uuidSchema,
  items: z.array(organizationCipherSchema).min(1, "The batch is empty.").max(IMPORT_BATCH_SIZE, `Send at most ${IMPORT_BATCH_SIZE} items at a time.`),
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
