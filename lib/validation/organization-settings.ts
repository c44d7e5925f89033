import { z } from "zod";
import { uuidSchema } from "./common";
import { nameAndBillingEmailFields } from "./tenant-settings";

export const organizationSettingsSchema = z.object({
  organizationId: uuidSchema,
  ...nameAndBillingEmailFields("Name"),
});
export type OrganizationSettingsInput = z.infer<typeof organizationSettingsSchema>;

/**
 * Deleting needs the organization's name typed out, compared exactly (no trimming) with the stored one. The length
 * cap only bounds the input: names are at most 50 characters, so a longer text can never match.
 */
export const deleteOrganizationSchema = z.object({
  organizationId: uuidSchema,
  confirmName: z
    .string({ error: "Type the organization's name to confirm." })
    .min(1, "Type the organization's name to confirm.")
    .max(256, "That is not the organization's name."),
});
