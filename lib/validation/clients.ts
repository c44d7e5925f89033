import { z } from "zod";
import { PROVIDER_PLANS } from "@/lib/enums";
import { MAX_ORGANIZATION_SEATS } from "@/lib/limits";
import { emailSchema, encStringSchema, nameSchema, publicKeySchema, uuidSchema } from "./common";

export const clientPlanSchema = z.enum(PROVIDER_PLANS, { error: "Choose Teams or Enterprise." });

export const seatsSchema = z
  .number({ error: "Seats must be a number." })
  .int("Seats must be a whole number.")
  .min(1, "A client needs at least 1 seat.")
  .max(MAX_ORGANIZATION_SEATS, `Seats must be at most ${MAX_ORGANIZATION_SEATS.toLocaleString("en")}.`);

export const clientNameSchema = nameSchema("Organization name", 50);

/**
 * A new client as the admin's browser prepared it: the organization's key pair (private key under the new
 * organization key), the default collection's name under that key, and the organization key under the provider key.
 */
export const createClientSchema = z.object({
  providerId: uuidSchema,
  name: clientNameSchema,
  ownerEmail: emailSchema,
  planType: clientPlanSchema,
  seats: seatsSchema,
  publicKey: publicKeySchema,
  privateKey: encStringSchema(2),
  collectionName: encStringSchema(2),
  key: encStringSchema(2),
  /** A client asked for through the provider API that this creation sets up. */
  pendingClientId: uuidSchema.optional(),
});
export type CreateClientInput = z.infer<typeof createClientSchema>;

/** A client a PSA asks for through the provider API: the details alone, since a browser makes the keys later. */
export const requestClientSchema = z.object({
  name: clientNameSchema,
  ownerEmail: emailSchema,
  planType: clientPlanSchema,
  seats: seatsSchema,
});
export type RequestClientInput = z.infer<typeof requestClientSchema>;

export const requestClientActionSchema = requestClientSchema.extend({ providerId: uuidSchema });

export const pendingClientRefSchema = z.object({ providerId: uuidSchema, pendingClientId: uuidSchema });

/** A provider the caller acts in, for reads a dialog makes when it opens. */
export const providerRefSchema = z.object({ providerId: uuidSchema });

export const addExistingClientSchema = z.object({
  providerId: uuidSchema,
  organizationId: uuidSchema,
  key: encStringSchema(2),
});

/** A rename and/or a change of seats; what is left out stays as it is. */
export const updateClientSchema = z.object({
  providerId: uuidSchema,
  organizationId: uuidSchema,
  name: clientNameSchema.optional(),
  seats: seatsSchema.optional(),
});

export const clientRefSchema = z.object({ providerId: uuidSchema, organizationId: uuidSchema });
