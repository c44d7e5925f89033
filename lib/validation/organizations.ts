import { z } from "zod";
import { ORGANIZATION_PLANS } from "@/lib/enums";
import { emailSchema, encStringSchema, publicKeySchema } from "./common";
import { clientNameSchema, seatsSchema } from "./clients";

/**
 * A new organization as its creator's browser prepared it: the organization's key pair (private key under the new
 * organization key), the organization key wrapped to the creator's public key (their owner membership), and the
 * default collection's name under the organization key.
 */
export const createOrganizationSchema = z.object({
  name: clientNameSchema,
  billingEmail: emailSchema,
  planType: z.enum(ORGANIZATION_PLANS).exclude(["free"], { error: "Choose a plan." }),
  seats: seatsSchema,
  publicKey: publicKeySchema,
  privateKey: encStringSchema(2),
  ownerKey: encStringSchema(4),
  collectionName: encStringSchema(2),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;
