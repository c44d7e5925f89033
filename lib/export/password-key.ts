import { DEFAULT_KDF_ITERATIONS, isAllowedKdfIterations, randomBytes, stretchMasterKey, type SymmetricKey, toBase64, utf8Encode } from "@/lib/crypto";
// deriveMasterKey treats its salt as an email and lower-cases it, which would change this base64 salt; the raw
// PBKDF2 it is built on is the right tool here, with the same iteration policy applied below.
import { pbkdf2Sha256 } from "@/lib/crypto/pbkdf2";

/** Bitwarden's KDF type for PBKDF2-SHA256, the only one Keyhouse reads and writes. */
export const PBKDF2_KDF_TYPE = 0;
export const EXPORT_KDF_ITERATIONS = DEFAULT_KDF_ITERATIONS;

/** A fresh salt as Bitwarden makes it: 16 random bytes, base64. The base64 text itself is the PBKDF2 salt. */
export function newExportSalt(): string {
  return toBase64(randomBytes(16));
}

/**
 * The key of a password-protected export (Bitwarden's format): PBKDF2-HMAC-SHA256(password, salt, iterations)
 * → 32 bytes, stretched with HKDF-Expand into an encryption key and a MAC key, like a master key.
 */
export async function derivePasswordKey(password: string, salt: string, iterations: number): Promise<SymmetricKey> {
  if (!isAllowedKdfIterations(iterations)) throw new RangeError("unsupported number of KDF iterations");
  const bytes = await pbkdf2Sha256(utf8Encode(password), utf8Encode(salt), iterations, 32);
  try {
    return await stretchMasterKey(bytes);
  } finally {
    bytes.fill(0);
  }
}
