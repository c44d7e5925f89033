import { z } from "zod";
import { AUTHENTICATOR_CODE_LENGTH } from "@/lib/account-security/two-factor";
import { encStringSchema, nameSchema, uuidSchema } from "./common";
import { KDF_ARGON2ID } from "@/lib/crypto";
import { kdfConfigFields, masterPasswordHashSchema, MIN_MASTER_PASSWORD_LENGTH, refineKdfConfig } from "./account";

/**
 * Account settings: what the settings forms check in the browser and what the actions accept. The master password
 * itself appears only in the form schemas: actions receive hashes and re-wrapped keys (DESIGN §4).
 */

export const updateNameSchema = z.object({ name: nameSchema("Name") });

/**
 * A new master password or KDF configuration: the proof of the old password, the new hash, the user key re-wrapped
 * under the new master key, and the KDF configuration that master key was derived with.
 */
export const masterCredentialsChangeSchema = z
  .object({
    currentMasterPasswordHash: masterPasswordHashSchema,
    newMasterPasswordHash: masterPasswordHashSchema,
    key: encStringSchema(2),
    ...kdfConfigFields,
  })
  .superRefine(refineKdfConfig);
export type MasterCredentialsChange = z.infer<typeof masterCredentialsChangeSchema>;

const newMasterPasswordSchema = z
  .string()
  .min(MIN_MASTER_PASSWORD_LENGTH, `The new master password must be at least ${MIN_MASTER_PASSWORD_LENGTH} characters.`)
  .max(1024, "The new master password must be at most 1024 characters.");

const currentMasterPasswordSchema = z
  .string({ error: "Enter your current master password." })
  .min(1, "Enter your current master password.");

export const changeMasterPasswordFormSchema = z
  .object({
    currentMasterPassword: currentMasterPasswordSchema,
    newMasterPassword: newMasterPasswordSchema,
    confirmNewMasterPassword: z.string(),
  })
  .refine((form) => form.newMasterPassword === form.confirmNewMasterPassword, {
    path: ["confirmNewMasterPassword"],
    error: "The confirmation does not match the new master password.",
  })
  .refine((form) => form.newMasterPassword !== form.currentMasterPassword, {
    path: ["newMasterPassword"],
    error: "The new master password must differ from the current one.",
  });

const formNumber = (value: unknown) =>
  value === "" || value === null || value === undefined ? undefined : Number(value);

/** A form sends numbers as text; memory and parallelism count only for Argon2id (their fields are hidden otherwise). */
export const changeKdfFormSchema = z.preprocess(
  (raw) => {
    const form = raw as Record<string, unknown>;
    const kdf = formNumber(form.kdf);
    const argon2id = kdf === KDF_ARGON2ID;
    return {
      kdf,
      kdfIterations: formNumber(form.kdfIterations),
      kdfMemory: argon2id ? (formNumber(form.kdfMemory) ?? null) : null,
      kdfParallelism: argon2id ? (formNumber(form.kdfParallelism) ?? null) : null,
      masterPassword: form.masterPassword,
    };
  },
  z.object({ ...kdfConfigFields, masterPassword: currentMasterPasswordSchema }).superRefine(refineKdfConfig),
);

const authenticatorCodeSchema = z
  .string({ error: "Enter the 6-digit code from your authenticator app." })
  .transform((code) => code.replace(/\s+/g, ""))
  .pipe(
    z
      .string()
      .regex(new RegExp(`^\\d{${AUTHENTICATOR_CODE_LENGTH}}$`), "Enter the 6-digit code from your authenticator app."),
  );

export const masterPasswordProofSchema = z.object({ masterPasswordHash: masterPasswordHashSchema });

export const enableTwoFactorSchema = z.object({
  masterPasswordHash: masterPasswordHashSchema,
  code: authenticatorCodeSchema,
});

export const disableTwoFactorSchema = z.object({
  masterPasswordHash: masterPasswordHashSchema,
  code: z
    .string({ error: "Enter a code from your authenticator app or your recovery code." })
    .trim()
    .min(1, "Enter a code from your authenticator app or your recovery code.")
    .max(64, "That code is too long."),
});

export const deleteAccountSchema = z.object({
  masterPasswordHash: masterPasswordHashSchema,
  confirmation: z.string({ error: "Type your email address to confirm." }).trim().toLowerCase(),
});

/** One of the account's sessions to log out (Settings → Security → Devices). */
export const endSessionSchema = z.object({ sessionId: uuidSchema });

export const endOtherSessionsSchema = z.object({});
