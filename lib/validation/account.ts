import { z } from "zod";
import { KDF_PBKDF2_SHA256, MAX_KDF_ITERATIONS, MIN_KDF_ITERATIONS } from "@/lib/crypto";
import { INVITATION_KINDS } from "@/lib/enums";
import {
  base64BytesSchema,
  emailSchema,
  encStringSchema,
  linkTokenSchema,
  nameSchema,
  publicKeySchema,
} from "./common";

export const MIN_MASTER_PASSWORD_LENGTH = 12;

export const kdfIterationsSchema = z
  .number({ error: "KDF iterations must be a number." })
  .int("KDF iterations must be a whole number.")
  .min(MIN_KDF_ITERATIONS, `KDF iterations must be at least ${MIN_KDF_ITERATIONS.toLocaleString("en")}.`)
  .max(MAX_KDF_ITERATIONS, `KDF iterations must be at most ${MAX_KDF_ITERATIONS.toLocaleString("en")}.`);

/** The master password hash is base64 of 32 bytes (PBKDF2 output): the password itself never leaves the browser. */
export const masterPasswordHashSchema = base64BytesSchema(32, "Master password hash");

/** The key material the browser derived for a new account: only derived, public or encrypted values. */
export const accountKeysSchema = z.object({
  kdf: z.literal(KDF_PBKDF2_SHA256, { error: "Unsupported key derivation function." }),
  kdfIterations: kdfIterationsSchema,
  masterPasswordHash: masterPasswordHashSchema,
  key: encStringSchema(2),
  publicKey: publicKeySchema,
  privateKey: encStringSchema(2),
});
export type AccountKeysInput = z.infer<typeof accountKeysSchema>;

/** Registration starts with an address and a name only: the mailed link proves the address. */
export const startRegistrationSchema = z.object({ email: emailSchema, name: nameSchema("Name") });

/**
 * The links that prove an address and so may create an account for it: the mailed registration link, or an
 * invitation or provider setup link (sent to the address too). The address comes from the link, never the form.
 */
export const REGISTRATION_PROOFS = ["registration", ...INVITATION_KINDS] as const;

export const emailLinkTokenSchema = linkTokenSchema("link");

/**
 * Registration and verification links answer a request the person just made, so a day is plenty (invitations,
 * sent by others, get 5 days). Shared with the pages that tell people so.
 */
export const EMAIL_LINK_LIFETIME_HOURS = 24;

/** What the browser sends to finish an account: the link's token and what it derived, never an address. */
export const registerSchema = accountKeysSchema.extend({
  via: z.enum(REGISTRATION_PROOFS, { error: "Unknown kind of link." }),
  token: emailLinkTokenSchema,
  name: nameSchema("Name"),
});
export type RegisterInput = z.infer<typeof registerSchema>;
export type RegistrationProof = Pick<RegisterInput, "via" | "token">;

export const credentialsSchema = z.object({
  email: emailSchema,
  masterPasswordHash: masterPasswordHashSchema,
  /** Asked for once two-step login is on: an authenticator code or the recovery code. Empty counts as absent. */
  twoFactorCode: z
    .string()
    .trim()
    .max(64, "That code is too long.")
    .optional()
    .transform((code) => code || undefined),
});

export const preloginSchema = z.object({ email: emailSchema });

/** The form fields the browser checks before deriving keys (the password is never sent). */
export const finishRegistrationFormSchema = z
  .object({
    name: nameSchema("Name"),
    masterPassword: z
      .string()
      .min(MIN_MASTER_PASSWORD_LENGTH, `Master password must be at least ${MIN_MASTER_PASSWORD_LENGTH} characters.`)
      .max(1024, "Master password must be at most 1024 characters."),
    confirmMasterPassword: z.string(),
  })
  .refine((form) => form.masterPassword === form.confirmMasterPassword, {
    path: ["confirmMasterPassword"],
    error: "Master password confirmation does not match.",
  });
