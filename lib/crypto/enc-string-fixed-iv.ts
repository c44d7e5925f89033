import { encryptAesCbcHmac } from "./aes-cbc-hmac";
import { EncStringType, formatEncString, type EncString } from "./enc-string";
import type { SymmetricKey } from "./symmetric-key";

/**
 * Internal, for known-answer tests only: type-2 encryption with a caller-chosen IV.
 * Reusing an IV under one key leaks plaintext relations; real code uses encryptBytes.
 * Not exported from lib/crypto/index.ts.
 */
export async function encryptBytesWithIv(data: Uint8Array, key: SymmetricKey, iv: Uint8Array): Promise<EncString> {
  return formatEncString({ type: EncStringType.AesCbc256_HmacSha256, ...(await encryptAesCbcHmac(data, key, iv)) });
}
