import { DEFAULT_KDF_ITERATIONS, randomBytes, toBase64 } from "@/lib/crypto";

/** Bitwarden's KDF type for PBKDF2-SHA256, the only one Keyhouse reads and writes. */
export const PBKDF2_KDF_TYPE = 0;
export const EXPORT_KDF_ITERATIONS = DEFAULT_KDF_ITERATIONS;

/** A fresh salt as Bitwarden makes it: 16 random bytes, base64. The base64 text itself is the PBKDF2 salt. */
export function newExportSalt(): string {
  return toBase64(randomBytes(16));
}
