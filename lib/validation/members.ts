import { z } from "zod";
import { emailSchema, encStringSchema, linkTokenSchema, uuidSchema } from "./common";

export const MAX_INVITES_AT_ONCE = 20;

/**
 * Up to 20 addresses, separated by commas, semicolons, spaces or new lines (as Bitwarden's invite dialog takes
 * them); duplicates are folded, and each address must be valid.
 */
export const inviteEmailsSchema = z
  .string({ error: "Enter at least one email address." })
  .transform((raw) => [
    ...new Set(
      raw
        .split(/[\s,;]+/)
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(emailSchema)
      .min(1, "Enter at least one email address.")
      .max(MAX_INVITES_AT_ONCE, `You can invite up to ${MAX_INVITES_AT_ONCE} people at a time.`),
  );

export const invitationTokenSchema = linkTokenSchema("invitation link");

/** A member id with the tenant key wrapped (type 4) to that member's public key, made in the confirming browser. */
export const confirmationSchema = z.object({ id: uuidSchema, key: encStringSchema(4) });

export const memberIdsSchema = z
  .array(uuidSchema)
  .min(1, "Select at least one member.")
  .max(500, "Select at most 500 members at a time.")
  .transform((ids) => [...new Set(ids)]);
