import { derivePasswordProtectedKey, encryptString } from "@/lib/crypto";
import { toBitwardenJson } from "./bitwarden-json";
import { EXPORT_KDF_ITERATIONS, newExportSalt, PBKDF2_KDF_TYPE } from "./password-key";
import type { ExportSource } from "./types";

/**
 * Bitwarden's password-protected export: the unencrypted JSON export, encrypted as one EncString under a key
 * derived from the password and a random salt, with a validation value (a random UUID under the same key) that
 * lets an importer tell a wrong password from a damaged file. Any Bitwarden-compatible app can import it.
 */
export async function toPasswordProtectedJson(source: ExportSource, password: string): Promise<string> {
  if (password === "") throw new RangeError("an export password is required");
  const salt = newExportSalt();
  const key = await derivePasswordProtectedKey(password, salt, EXPORT_KDF_ITERATIONS);
  const document = {
    encrypted: true,
    passwordProtected: true,
    salt,
    kdfType: PBKDF2_KDF_TYPE,
    kdfIterations: EXPORT_KDF_ITERATIONS,
    kdfMemory: null,
    kdfParallelism: null,
    encKeyValidation_DO_NOT_EDIT: await encryptString(crypto.randomUUID(), key),
    data: await encryptString(toBitwardenJson(source), key),
  };
  return JSON.stringify(document, null, 2);
}
