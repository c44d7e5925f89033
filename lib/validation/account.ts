import { z } from "zod";
import {
  ARGON2_ITERATIONS,
  ARGON2_MEMORY_MIB,
  ARGON2_PARALLELISM,
  KDF_PBKDF2_SHA256,
  KDF_TYPES,
  MAX_KDF_ITERATIONS,
  MIN_KDF_ITERATIONS,
} from "@/lib/crypto";
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

const number = (value: number) => value.toLocaleString("en");
const wholeNumber = (label: string) =>
  z.number({ error: `${label} must be a number.` }).int(`${label} must be a whole number.`);

/**
 * A KDF configuration (lib/crypto KdfConfig) as fields of a larger object: the type, then what it needs. Memory and
 * parallelism default to null; refineKdfConfig checks them against the type, with the same bounds as lib/crypto.
 */
export const kdfConfigFields = {
  kdf: z.literal(KDF_TYPES, { error: "Unsupported key derivation function." }),
  kdfIterations: wholeNumber("KDF iterations"),
  kdfMemory: wholeNumber("KDF memory").nullable().default(null),
  kdfParallelism: wholeNumber("KDF parallelism").nullable().default(null),
};

type KdfFields = { kdf: number; kdfIterations: number; kdfMemory: number | null; kdfParallelism: number | null };

export function refineKdfConfig(value: KdfFields, context: z.RefinementCtx) {
  const refuse = (path: keyof KdfFields, message: string) =>
    context.addIssue({ code: "custom", path: [path], message });
  const within = (field: number | null, { min, max }: { min: number; max: number }) =>
    field !== null && field >= min && field <= max;
  if (value.kdf === KDF_PBKDF2_SHA256) {
    const iterations = kdfIterationsSchema.safeParse(value.kdfIterations);
    if (!iterations.success) refuse("kdfIterations", iterations.error.issues[0]!.message);
    if (value.kdfMemory !== null) refuse("kdfMemory", "Memory applies to Argon2id only.");
    if (value.kdfParallelism !== null) refuse("kdfParallelism", "Parallelism applies to Argon2id only.");
    return;
  }
  if (!within(value.kdfIterations, ARGON2_ITERATIONS))
    refuse(
      "kdfIterations",
      `Argon2id iterations must be between ${ARGON2_ITERATIONS.min} and ${ARGON2_ITERATIONS.max}.`,
    );
  if (!within(value.kdfMemory, ARGON2_MEMORY_MIB))
    refuse(
      "kdfMemory",
      `KDF memory must be between ${ARGON2_MEMORY_MIB.min} and ${number(ARGON2_MEMORY_MIB.max)} MiB.`,
    );
  if (!within(value.kdfParallelism, ARGON2_PARALLELISM))
    refuse(
      "kdfParallelism",
      `KDF parallelism must be between ${ARGON2_PARALLELISM.min} and ${ARGON2_PARALLELISM.max}.`,
    );
}

/** The master password hash is base64 of 32 bytes (PBKDF2 output): the password itself never leaves the browser. */
export const masterPasswordHashSchema = base64BytesSchema(32, "Master password hash");

/** The key material the browser derived for a new account: only derived, public or encrypted values. */
const accountKeysFields = {
  ...kdfConfigFields,
  masterPasswordHash: masterPasswordHashSchema,
  key: encStringSchema(2),
  publicKey: publicKeySchema,
  privateKey: encStringSchema(2),
};
export const accountKeysSchema = z.object(accountKeysFields).superRefine(refineKdfConfig);
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
export const registerSchema = z
  .object({
    ...accountKeysFields,
    via: z.enum(REGISTRATION_PROOFS, { error: "Unknown kind of link." }),
    token: emailLinkTokenSchema,
    name: nameSchema("Name"),
  })
  .superRefine(refineKdfConfig);
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
