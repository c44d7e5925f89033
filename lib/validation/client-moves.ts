import { z } from "zod";
import { base64BytesSchema, encStringSchema, uuidSchema } from "./common";

/** What the server keeps to check a move code (lib/crypto/move-code.ts): 32 bytes, base64. */
const verifierSchema = base64BytesSchema(32, "Move code check");

/** A new move code, as the admin's browser made it: the secret under the provider key, and its verifier. */
export const issueMoveCodeSchema = z.object({
  providerId: uuidSchema,
  secret: encStringSchema(2),
  verifier: verifierSchema,
});

/** The owner's browser read the code: the move it names, its verifier, and the organization key under its key. */
export const claimMoveSchema = z.object({
  organizationId: uuidSchema,
  moveId: uuidSchema,
  verifier: verifierSchema,
  transferKey: encStringSchema(2),
});

/** The new provider's admin's browser: the organization key under the provider key. */
export const completeMoveSchema = z.object({ providerId: uuidSchema, moveId: uuidSchema, key: encStringSchema(2) });

export const providerMoveRefSchema = z.object({ providerId: uuidSchema, moveId: uuidSchema });
export const organizationMoveRefSchema = z.object({ organizationId: uuidSchema, moveId: uuidSchema });
