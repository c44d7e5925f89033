import { z } from "zod";
import { encStringSchema, uuidSchema } from "./common";

/** A file about to be attached: its encrypted name and key, and the size of its encrypted bytes. */
export const createAttachmentSchema = z.object({
  cipherId: uuidSchema,
  fileName: encStringSchema().refine((value) => value.length <= 10_000, { error: "The file name is too long." }),
  key: encStringSchema(),
  size: z
    .number({ error: "The file size must be a number." })
    .int("The file size must be a whole number of bytes.")
    .positive("The file is empty."),
});

export const attachmentIdsSchema = z.object({ cipherId: uuidSchema, attachmentId: uuidSchema });

/** The bytes come from a route handler, never over a server action's request (they exceed its body limit). */
export const uploadAttachmentSchema = attachmentIdsSchema.extend({
  data: z.instanceof(Uint8Array, { error: "The file is missing." }),
});
