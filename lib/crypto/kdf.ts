import { asBufferSource, concatBytes, toBase64, utf8Encode, type Bytes } from "./encoding";
import { CryptoError } from "./errors";
import { pbkdf2Sha256 } from "./pbkdf2";
import { SymmetricKey } from "./symmetric-key";
import { subtle } from "./webcrypto";

/** Bitwarden's KDF type number for PBKDF2-SHA256 (the only one we offer). */
export const KDF_PBKDF2_SHA256 = 0;
export const DEFAULT_KDF_ITERATIONS = 600_000;
export const MIN_KDF_ITERATIONS = 100_000;
export const MAX_KDF_ITERATIONS = 2_000_000;

const MASTER_KEY_LENGTH = 32;
const SHA256_LENGTH = 32;
const HKDF_MAX_LENGTH = 255 * SHA256_LENGTH;

export type KdfType = typeof KDF_PBKDF2_SHA256;

/**
 * The policy range. Enforced on every master-key derivation, so a server (or a forged
 * pre-login answer) cannot talk a client into a cheap-to-crack KDF.
 */
export function isAllowedKdfIterations(iterations: unknown): iterations is number {
  return (
    typeof iterations === "number" &&
    Number.isSafeInteger(iterations) &&
    iterations >= MIN_KDF_ITERATIONS &&
    iterations <= MAX_KDF_ITERATIONS
  );
}

/** The salt is the email as Bitwarden normalizes it: trimmed, lower-cased. */
export function normalizeEmailForSalt(email: string): string {
  return email.trim().toLowerCase();
}

/** Master key = PBKDF2-HMAC-SHA256(password, normalized email, iterations) → 32 bytes. */
export async function deriveMasterKey(password: string, email: string, iterations: number): Promise<Bytes> {
  if (!isAllowedKdfIterations(iterations)) throw new CryptoError("invalidKdfIterations");
  if (password.length === 0) throw new CryptoError("invalidPassword");
  return pbkdf2Sha256(utf8Encode(password), utf8Encode(normalizeEmailForSalt(email)), iterations, MASTER_KEY_LENGTH);
}

/**
 * What login sends instead of the password: base64(PBKDF2-HMAC-SHA256(master key, salt = password, 1)).
 * One iteration suffices because the master key is already expensive to derive.
 */
export async function hashMasterPassword(masterKey: Uint8Array, password: string): Promise<string> {
  if (masterKey.length !== MASTER_KEY_LENGTH) throw new CryptoError("invalidKey");
  if (password.length === 0) throw new CryptoError("invalidPassword");
  return toBase64(await pbkdf2Sha256(masterKey, utf8Encode(password), 1, SHA256_LENGTH));
}

/** RFC 5869 HKDF-Expand with HMAC-SHA256 (no Extract step, as Bitwarden uses it). */
export async function hkdfExpand(prk: Uint8Array, info: string | Uint8Array, length: number): Promise<Bytes> {
  if (!Number.isSafeInteger(length) || length < 1 || length > HKDF_MAX_LENGTH) {
    throw new CryptoError("invalidLength");
  }
  // HMAC (and so HKDF) is undefined for an empty key in WebCrypto.
  if (prk.length === 0) throw new CryptoError("invalidKey");
  const infoBytes = typeof info === "string" ? utf8Encode(info) : info;
  const webCrypto = subtle();
  const hmacParams = { name: "HMAC", hash: "SHA-256" };
  const hmacKey = await webCrypto.importKey("raw", asBufferSource(prk), hmacParams, false, ["sign"]);
  const okm = new Uint8Array(Math.ceil(length / SHA256_LENGTH) * SHA256_LENGTH);
  let previous: Uint8Array = new Uint8Array(0);
  // T(i) = HMAC(PRK, T(i-1) ‖ info ‖ i), OKM = T(1) ‖ T(2) ‖ … truncated to length.
  for (let i = 1; (i - 1) * SHA256_LENGTH < length; i++) {
    const block = concatBytes(previous, infoBytes, Uint8Array.of(i));
    previous = new Uint8Array(await webCrypto.sign("HMAC", hmacKey, block));
    okm.set(previous, (i - 1) * SHA256_LENGTH);
  }
  return okm.slice(0, length);
}

/** Stretched master key = HKDF-Expand(mk, "enc", 32) ‖ HKDF-Expand(mk, "mac", 32). */
export async function stretchMasterKey(masterKey: Uint8Array): Promise<SymmetricKey> {
  if (masterKey.length !== MASTER_KEY_LENGTH) throw new CryptoError("invalidKey");
  const [encKey, macKey] = await Promise.all([
    hkdfExpand(masterKey, "enc", SHA256_LENGTH),
    hkdfExpand(masterKey, "mac", SHA256_LENGTH),
  ]);
  const stretched = concatBytes(encKey, macKey);
  const key = SymmetricKey.fromBytes(stretched);
  // Best effort: don't leave copies of key material lying around for the GC.
  for (const bytes of [encKey, macKey, stretched]) bytes.fill(0);
  return key;
}

/**
 * The key of a password-protected file (Bitwarden's encrypted exports): PBKDF2-HMAC-SHA256 over the password with
 * the salt used exactly as given (unlike a master key, whose salt is a normalized email), stretched like a master key.
 */
export async function derivePasswordProtectedKey(
  password: string,
  salt: string,
  iterations: number,
): Promise<SymmetricKey> {
  if (!isAllowedKdfIterations(iterations)) throw new CryptoError("invalidKdfIterations");
  const bytes = await pbkdf2Sha256(utf8Encode(password), utf8Encode(salt), iterations, 32);
  try {
    return await stretchMasterKey(bytes);
  } finally {
    bytes.fill(0);
  }
}
