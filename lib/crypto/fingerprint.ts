import { fromBase64 } from "./encoding";
import { CryptoError } from "./errors";
import { hkdfExpand } from "./kdf";
import { subtle } from "./webcrypto";

/** Bitwarden asks for at least 64 bits of entropy in the phrase. */
const MINIMUM_ENTROPY_BITS = 64;
const FINGERPRINT_LENGTH = 32;

/**
 * Bitwarden's fingerprint phrase for a public key, e.g. "turban-deftly-anime-chatroom-unselfish".
 * SHA-256(SPKI DER) → HKDF-Expand(info = fingerprint material, usually the user id, 32 bytes)
 * → big-endian integer → words by repeated mod/div over the EFF long list.
 */
export async function fingerprintPhrase(fingerprintMaterial: string, publicKeyB64: string): Promise<string> {
  return (await fingerprintWords(fingerprintMaterial, publicKeyB64)).join("-");
}

/**
 * The same phrase as separate words, for layouts that show one word per cell
 * (four list words contain a hyphen themselves, e.g. "yo-yo").
 */
export async function fingerprintWords(fingerprintMaterial: string, publicKeyB64: string): Promise<string[]> {
  const publicKey = fromBase64(publicKeyB64);
  if (publicKey.length === 0) throw new CryptoError("invalidPublicKey");
  const keyHash = new Uint8Array(await subtle().digest("SHA-256", publicKey));
  const userFingerprint = await hkdfExpand(keyHash, fingerprintMaterial, FINGERPRINT_LENGTH);
  // Loaded on demand: the list is ~150 KB and only the confirm/settings screens need it.
  const { FINGERPRINT_WORDS } = await import("./fingerprint-words");
  return hashPhrase(userFingerprint, FINGERPRINT_WORDS);
}

function hashPhrase(hash: Uint8Array, words: readonly string[]): string[] {
  const wordCount = Math.ceil(MINIMUM_ENTROPY_BITS / Math.log2(words.length));
  let n = 0n;
  for (const byte of hash) n = (n << 8n) | BigInt(byte);
  const base = BigInt(words.length);
  const phrase: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    phrase.push(words[Number(n % base)] ?? "");
    n /= base;
  }
  return phrase;
}
