import { argon2id } from "hash-wasm";
import { asBufferSource, concatBytes, toBase64, utf8Encode, type Bytes } from "./encoding";
import { CryptoError } from "./errors";
import { pbkdf2Sha256 } from "./pbkdf2";
import { SymmetricKey } from "./symmetric-key";
import { subtle } from "./webcrypto";

/** Bitwarden's KDF type numbers. */
export const KDF_PBKDF2_SHA256 = 0;
export const KDF_ARGON2ID = 1;
export type KdfType = typeof KDF_PBKDF2_SHA256 | typeof KDF_ARGON2ID;
export const KDF_TYPES = [KDF_PBKDF2_SHA256, KDF_ARGON2ID] as const;

/** PBKDF2-SHA256 iterations. */
export const DEFAULT_KDF_ITERATIONS = 600_000;
export const MIN_KDF_ITERATIONS = 100_000;
export const MAX_KDF_ITERATIONS = 2_000_000;

/**
 * Argon2id bounds and defaults, as the pinned Bitwarden clients set them (`Argon2KdfConfig` in @bitwarden/cli
 * 2026.9.0). Memory is in MiB. Its floor is the apps' (16), not the server's (15): the apps refuse a pre-login answer
 * below 16 MiB as a downgrade, so such an account could not log in there.
 */
export const ARGON2_ITERATIONS = { min: 2, max: 10, default: 6 } as const;
export const ARGON2_MEMORY_MIB = { min: 16, max: 1024, default: 32 } as const;
export const ARGON2_PARALLELISM = { min: 1, max: 16, default: 4 } as const;

/**
 * How an account's master key is derived, in Bitwarden's field names (pre-login, registration, the keyring, the
 * settings form and the database columns all carry this). Memory (MiB) and parallelism belong to Argon2id only.
 */
export type KdfConfig = {
  kdf: KdfType;
  kdfIterations: number;
  kdfMemory: number | null;
  kdfParallelism: number | null;
};

export const DEFAULT_KDF_CONFIG: KdfConfig = {
  kdf: KDF_PBKDF2_SHA256,
  kdfIterations: DEFAULT_KDF_ITERATIONS,
  kdfMemory: null,
  kdfParallelism: null,
};

/** A PBKDF2-SHA256 configuration. */
export function pbkdf2Kdf(iterations: number): KdfConfig {
  return { kdf: KDF_PBKDF2_SHA256, kdfIterations: iterations, kdfMemory: null, kdfParallelism: null };
}

/** An Argon2id configuration (memory in MiB). */
export function argon2idKdf(iterations: number, memory: number, parallelism: number): KdfConfig {
  return { kdf: KDF_ARGON2ID, kdfIterations: iterations, kdfMemory: memory, kdfParallelism: parallelism };
}

/** Just the KDF fields of a larger record (an account row, key material), e.g. to send or compare them. */
export function kdfConfigOf(source: KdfConfig): KdfConfig {
  return {
    kdf: source.kdf,
    kdfIterations: source.kdfIterations,
    kdfMemory: source.kdfMemory,
    kdfParallelism: source.kdfParallelism,
  };
}

const MASTER_KEY_LENGTH = 32;
const SHA256_LENGTH = 32;
const HKDF_MAX_LENGTH = 255 * SHA256_LENGTH;

const isWholeIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max;

/**
 * The PBKDF2 policy range. Enforced on every master-key derivation, so a server (or a forged
 * pre-login answer) cannot talk a client into a cheap-to-crack KDF.
 */
export function isAllowedKdfIterations(iterations: unknown): iterations is number {
  return isWholeIn(iterations, MIN_KDF_ITERATIONS, MAX_KDF_ITERATIONS);
}

/** The policy for a whole configuration (same reason): PBKDF2 without memory or parallelism, Argon2id with both. */
export function isAllowedKdfConfig(config: unknown): config is KdfConfig {
  if (typeof config !== "object" || config === null) return false;
  const { kdf, kdfIterations, kdfMemory, kdfParallelism } = config as Record<string, unknown>;
  if (kdf === KDF_PBKDF2_SHA256) {
    return isAllowedKdfIterations(kdfIterations) && kdfMemory == null && kdfParallelism == null;
  }
  return (
    kdf === KDF_ARGON2ID &&
    isWholeIn(kdfIterations, ARGON2_ITERATIONS.min, ARGON2_ITERATIONS.max) &&
    isWholeIn(kdfMemory, ARGON2_MEMORY_MIB.min, ARGON2_MEMORY_MIB.max) &&
    isWholeIn(kdfParallelism, ARGON2_PARALLELISM.min, ARGON2_PARALLELISM.max)
  );
}

/** For people: "PBKDF2 SHA-256, 600,000 iterations" or "Argon2id, 6 iterations, 32 MiB, parallelism 4". */
export function describeKdfConfig(config: KdfConfig): string {
  const iterations = `${config.kdfIterations.toLocaleString("en")} iterations`;
  if (config.kdf === KDF_PBKDF2_SHA256) return `PBKDF2 SHA-256, ${iterations}`;
  return `Argon2id, ${iterations}, ${config.kdfMemory} MiB, parallelism ${config.kdfParallelism}`;
}

/** Whether two configurations derive the same master key. */
export function sameKdfConfig(a: KdfConfig, b: KdfConfig): boolean {
  return (
    a.kdf === b.kdf &&
    a.kdfIterations === b.kdfIterations &&
    (a.kdfMemory ?? null) === (b.kdfMemory ?? null) &&
    (a.kdfParallelism ?? null) === (b.kdfParallelism ?? null)
  );
}

/** The salt is the email as Bitwarden normalizes it: trimmed, lower-cased. */
export function normalizeEmailForSalt(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Master key → 32 bytes, as Bitwarden derives it:
 * - PBKDF2-SHA256: PBKDF2-HMAC-SHA256(password, normalized email, iterations);
 * - Argon2id: Argon2id(password, salt = SHA-256(normalized email), t = iterations, m = memory MiB, p = parallelism),
 *   since Argon2 wants a fixed-size salt (bitwarden-crypto's `derive_kdf_material`).
 */
export async function deriveMasterKey(password: string, email: string, kdf: KdfConfig): Promise<Bytes> {
  if (!isAllowedKdfConfig(kdf)) throw new CryptoError("invalidKdf");
  if (password.length === 0) throw new CryptoError("invalidPassword");
  const salt = utf8Encode(normalizeEmailForSalt(email));
  if (kdf.kdf === KDF_PBKDF2_SHA256)
    return pbkdf2Sha256(utf8Encode(password), salt, kdf.kdfIterations, MASTER_KEY_LENGTH);
  return argon2idRaw(utf8Encode(password), new Uint8Array(await subtle().digest("SHA-256", salt)), {
    iterations: kdf.kdfIterations,
    memoryKiB: kdf.kdfMemory! * 1024,
    parallelism: kdf.kdfParallelism!,
  });
}

/**
 * Raw Argon2id (version 0x13, no secret or associated data, 32-byte output) with no policy on its parameters.
 * Internal, like pbkdf2Sha256: exported for the known-answer tests. hash-wasm runs it in WebAssembly, in the browser
 * and in Node alike.
 */
export async function argon2idRaw(
  password: Uint8Array,
  salt: Uint8Array,
  { iterations, memoryKiB, parallelism }: { iterations: number; memoryKiB: number; parallelism: number },
): Promise<Bytes> {
  const tag = await argon2id({
    password,
    salt,
    iterations,
    memorySize: memoryKiB,
    parallelism,
    hashLength: MASTER_KEY_LENGTH,
    outputType: "binary",
  });
  // Copied into a plain ArrayBuffer (the Bytes type); the library's own array is wiped.
  const bytes = new Uint8Array(tag);
  tag.fill(0);
  return bytes;
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
