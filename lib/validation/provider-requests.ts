import { z } from "zod";
import { PROVIDER_TYPES, type ProviderType } from "@/lib/enums";
import { emailSchema, nameSchema, refineName, uuidSchema } from "./common";

/** The provider types a business may ask for; "business unit" is for Bitwarden's enterprise resellers, not offered here. */
export const REQUESTABLE_PROVIDER_TYPES = {
  msp: "Managed service provider (MSP)",
  reseller: "Reseller",
} as const satisfies Record<Exclude<ProviderType, "business_unit">, string>;

const optionalName = (label: string) =>
  refineName(z.string().trim().max(50, `${label} must be at most 50 characters.`), label)
    .transform((value) => (value === "" ? null : value))
    .nullish()
    .transform((value) => value ?? null);

/** "Become a provider": what the requester tells the operator. */
export const providerRequestSchema = z.object({
  businessName: nameSchema("Business name"),
  type: z.enum(PROVIDER_TYPES).exclude(["business_unit"], { error: "Choose what kind of provider you are." }),
  billingEmail: emailSchema,
  internalOrganizationId: z.uuid({ error: "Choose your internal organization." }),
  firstClientName: optionalName("First client's name"),
});
export type ProviderRequestInput = z.infer<typeof providerRequestSchema>;

export const providerRequestIdSchema = z.object({ requestId: uuidSchema });

export const rejectProviderRequestSchema = z.object({
  requestId: uuidSchema,
  reason: z
    .string({ error: "Say why, for the requester." })
    .trim()
    .min(1, "Say why, for the requester.")
    .max(500, "The reason must be at most 500 characters."),
});
