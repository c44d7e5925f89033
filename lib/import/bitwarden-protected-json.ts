import { z } from "zod";
import {
  CryptoError,
  decryptString,
  derivePasswordProtectedKey,
  isAllowedKdfIterations,
  isEncString,
} from "@/lib/crypto";
import { PBKDF2_KDF_TYPE } from "@/lib/export/password-key";
import { isPasswordProtectedDocument, parseBitwardenJsonDocument, readJson } from "./bitwarden-json";
import { ImportFileError, type ParseResult } from "./types";

export const WRONG_PASSWORD = "The password is wrong, or the file was changed after it was exported.";

const encString = z.string().refine((value) => isEncString(value, 2));

const protectedSchema = z.object({
  passwordProtected: z.literal(true),
  salt: z.string().min(1),
  kdfType: z.number().int(),
  kdfIterations: z.number().int(),
  encKeyValidation_DO_NOT_EDIT: encString,
  data: encString,
});

function requirePassword(password: string): void {
  if (password === "") throw new ImportFileError("Enter the password the file was exported with.");
}

/** Whether this file's text is a password-protected Bitwarden export (which needs its password to be read). */
export function isPasswordProtectedExport(text: string): boolean {
  try {
    return isPasswordProtectedDocument(readJson(text));
  } catch {
    return false;
  }
}

/**
 * Bitwarden's password-protected JSON: the key comes from the password and the file's salt; the validation value
 * proves the password right before the data (an unencrypted JSON export) is decrypted and read. `raw` is the
 * file already read as JSON.
 */
export async function parseProtectedBitwardenDocument(raw: unknown, password: string): Promise<ParseResult> {
  requirePassword(password);
  const parsed = protectedSchema.safeParse(raw);
  if (!parsed.success)
    throw new ImportFileError("This is not a password-protected Bitwarden export, or it is damaged.");
  const file = parsed.data;
  if (file.kdfType !== PBKDF2_KDF_TYPE) {
    throw new ImportFileError(
      "This export's password is stretched with Argon2id, which Keyhouse cannot read. Export it again from an account that uses PBKDF2.",
    );
  }
  if (!isAllowedKdfIterations(file.kdfIterations))
    throw new ImportFileError("This export uses a number of KDF iterations Keyhouse does not accept.");
  const key = await derivePasswordProtectedKey(password, file.salt, file.kdfIterations);
  let json: string;
  try {
    await decryptString(file.encKeyValidation_DO_NOT_EDIT, key);
    json = await decryptString(file.data, key);
  } catch (error) {
    if (error instanceof CryptoError) throw new ImportFileError(WRONG_PASSWORD);
    throw error;
  }
  return parseBitwardenJsonDocument(readJson(json));
}

/** The same from the file's text: a missing password is named before the text is read. */
export async function parseProtectedBitwardenJson(text: string, password: string): Promise<ParseResult> {
  requirePassword(password);
  return parseProtectedBitwardenDocument(readJson(text), password);
}
