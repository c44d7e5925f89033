import {
  AES_CBC_IV_LENGTH,
  decryptAesCbcHmac,
  encryptAesCbcHmac,
  HMAC_SHA256_LENGTH,
  type AesCbcHmacParts,
} from "./aes-cbc-hmac";
import { EncStringType } from "./enc-string";
import { concatBytes, randomBytes, type Bytes } from "./encoding";
import { CryptoError } from "./errors";
import type { SymmetricKey } from "./symmetric-key";

/**
 * Bitwarden's EncArrayBuffer, the format of encrypted files (attachments): one byte of type (2, AES-256-CBC +
 * HMAC-SHA256), the 16-byte IV, the 32-byte MAC, then the ciphertext. The same cipher as a type-2 EncString, in
 * binary instead of base64 parts.
 */
const HEADER_LENGTH = 1 + AES_CBC_IV_LENGTH + HMAC_SHA256_LENGTH;

export function formatEncArrayBuffer(parts: AesCbcHmacParts): Bytes {
  return concatBytes(new Uint8Array([EncStringType.AesCbc256_HmacSha256]), parts.iv, parts.mac, parts.data);
}

/** The parts of a type-2 EncArrayBuffer; anything else (other types, too short) is malformed. */
export function parseEncArrayBuffer(buffer: Uint8Array): AesCbcHmacParts {
  if (buffer.length < HEADER_LENGTH + 1) throw new CryptoError("malformedEncString");
  if (buffer[0] !== EncStringType.AesCbc256_HmacSha256) throw new CryptoError("wrongEncStringType");
  return {
    iv: buffer.slice(1, 1 + AES_CBC_IV_LENGTH),
    mac: buffer.slice(1 + AES_CBC_IV_LENGTH, HEADER_LENGTH),
    data: buffer.slice(HEADER_LENGTH),
  };
}

/** A file's bytes under `key` (an attachment's own key), with a fresh random IV. */
export async function encryptFile(plain: Uint8Array, key: SymmetricKey): Promise<Bytes> {
  return formatEncArrayBuffer(await encryptAesCbcHmac(plain, key, randomBytes(AES_CBC_IV_LENGTH)));
}

/** The MAC is checked before anything is decrypted (decryptAesCbcHmac). */
export async function decryptFile(buffer: Uint8Array, key: SymmetricKey): Promise<Bytes> {
  return decryptAesCbcHmac(parseEncArrayBuffer(buffer), key);
}
