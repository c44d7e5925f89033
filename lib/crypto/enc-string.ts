import {
  AES_BLOCK_LENGTH,
  AES_CBC_IV_LENGTH,
  HMAC_SHA256_LENGTH,
  decryptAesCbcHmac,
  encryptAesCbcHmac,
} from "./aes-cbc-hmac";
import { fromBase64, randomBytes, toBase64, utf8Decode, utf8Encode, type Bytes } from "./encoding";
import { CryptoError } from "./errors";
import type { SymmetricKey } from "./symmetric-key";

/** Bitwarden's EncString type numbers (only the two we write and read). */
export const EncStringType = {
  AesCbc256_HmacSha256: 2,
  Rsa2048_OaepSha1: 4,
} as const;
export type EncStringTypeValue = (typeof EncStringType)[keyof typeof EncStringType];

/** RSA-2048 ciphertexts are exactly one modulus long. */
export const RSA_2048_CIPHERTEXT_LENGTH = 256;

export interface AesCbcHmacEncString {
  type: typeof EncStringType.AesCbc256_HmacSha256;
  iv: Bytes;
  data: Bytes;
  mac: Bytes;
}
export interface RsaOaepEncString {
  type: typeof EncStringType.Rsa2048_OaepSha1;
  data: Bytes;
}
export type ParsedEncString = AesCbcHmacEncString | RsaOaepEncString;

declare const encStringBrand: unique symbol;
/**
 * A serialized EncString ("2.iv|data|mac" or "4.data"). The brand keeps plaintext out of places that hold
 * ciphertext: only encryption (formatEncString) and a shape check (isEncString, asEncString) produce one.
 */
export type EncString = string & { readonly [encStringBrand]: true };

function decodeOrNull(b64: string): Bytes | null {
  try {
    return fromBase64(b64);
  } catch {
    return null;
  }
}

function parseAesCbcHmac(body: string): AesCbcHmacEncString | null {
  const parts = body.split("|");
  if (parts.length !== 3) return null;
  const [iv, data, mac] = parts.map(decodeOrNull);
  if (!iv || !data || !mac) return null;
  if (iv.length !== AES_CBC_IV_LENGTH || mac.length !== HMAC_SHA256_LENGTH) return null;
  // PKCS#7 always adds at least one block, so valid ciphertext is never empty.
  if (data.length === 0 || data.length % AES_BLOCK_LENGTH !== 0) return null;
  return { type: EncStringType.AesCbc256_HmacSha256, iv, data, mac };
}

function parseRsaOaep(body: string): RsaOaepEncString | null {
  // Type 4 has a single part; "|" would mean a MAC'd variant (type 6) we do not accept.
  const data = body.includes("|") ? null : decodeOrNull(body);
  if (!data || data.length !== RSA_2048_CIPHERTEXT_LENGTH) return null;
  return { type: EncStringType.Rsa2048_OaepSha1, data };
}

/** Shape validation only (type, base64, lengths); null when anything is off. Never throws. */
export function parseEncString(s: string): ParsedEncString | null {
  if (typeof s !== "string") return null;
  const dot = s.indexOf(".");
  if (dot < 0) return null;
  const type = s.slice(0, dot);
  const body = s.slice(dot + 1);
  if (type === String(EncStringType.AesCbc256_HmacSha256)) return parseAesCbcHmac(body);
  if (type === String(EncStringType.Rsa2048_OaepSha1)) return parseRsaOaep(body);
  return null;
}

export function isEncString(s: unknown, type?: EncStringTypeValue): s is EncString {
  if (typeof s !== "string") return false;
  const parsed = parseEncString(s);
  return parsed !== null && (type === undefined || parsed.type === type);
}

/** Checks the shape of a value read from outside (a file, a request) and brands it; throws a CryptoError if off. */
export function asEncString(s: string, type?: EncStringTypeValue): EncString {
  const parsed = parseEncString(s);
  if (!parsed) throw new CryptoError("malformedEncString");
  if (type !== undefined && parsed.type !== type) throw new CryptoError("wrongEncStringType");
  return s as EncString;
}

export function formatEncString(parsed: ParsedEncString): EncString {
  const body =
    parsed.type === EncStringType.Rsa2048_OaepSha1
      ? toBase64(parsed.data)
      : `${toBase64(parsed.iv)}|${toBase64(parsed.data)}|${toBase64(parsed.mac)}`;
  // The one place a string becomes an EncString without a check: it is built here from its parts.
  return `${parsed.type}.${body}` as EncString;
}

/** Parses a type-2 EncString or throws a CryptoError saying why it cannot be used. */
export function parseAesCbcHmacEncString(enc: EncString): AesCbcHmacEncString {
  const parsed = parseEncString(enc);
  if (!parsed) throw new CryptoError("malformedEncString");
  if (parsed.type !== EncStringType.AesCbc256_HmacSha256) throw new CryptoError("wrongEncStringType");
  return parsed;
}

/** Type 2 under `key`, with a fresh random IV. */
export async function encryptBytes(data: Uint8Array, key: SymmetricKey): Promise<EncString> {
  const parts = await encryptAesCbcHmac(data, key, randomBytes(AES_CBC_IV_LENGTH));
  return formatEncString({ type: EncStringType.AesCbc256_HmacSha256, ...parts });
}

export async function encryptString(plaintext: string, key: SymmetricKey): Promise<EncString> {
  return encryptBytes(utf8Encode(plaintext), key);
}

export async function decryptBytes(enc: EncString, key: SymmetricKey): Promise<Bytes> {
  return decryptAesCbcHmac(parseAesCbcHmacEncString(enc), key);
}

export async function decryptString(enc: EncString, key: SymmetricKey): Promise<string> {
  return utf8Decode(await decryptBytes(enc, key));
}
