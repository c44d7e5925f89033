import { z } from "zod";
import { emailSchema, nameSchema, uuidSchema } from "./common";
import { nameAndBillingEmailFields } from "./tenant-settings";

export const seatMinimumSchema = z
  .number({ error: "Seat minimum must be a number." })
  .int("Seat minimum must be a whole number.")
  .min(0, "Seat minimum cannot be negative.")
  .max(100_000, "Seat minimum must be at most 100,000.");

/** What the operator gives to create a provider (command line and /admin). */
export const createProviderSchema = z.object({
  name: nameSchema("Provider name"),
  ownerEmail: emailSchema,
  teamsMinimum: seatMinimumSchema.default(0),
  enterpriseMinimum: seatMinimumSchema.default(0),
});
export type CreateProviderInput = z.infer<typeof createProviderSchema>;

export const providerSettingsSchema = z.object({
  providerId: uuidSchema,
  ...nameAndBillingEmailFields("Provider name"),
});

/** The provider's internal organization, or none ("" from the form's "None" option). */
export const internalOrganizationSchema = z.object({
  providerId: uuidSchema,
  organizationId: z.union([
    z.uuid({ error: "Choose an organization." }),
    z.literal("").transform(() => null),
    z.null(),
  ]),
});
