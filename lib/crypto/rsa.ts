import { asBufferSource, fromBase64, toBase64, type Bytes } from "./encoding";
import { EncStringType, formatEncString, parseEncString, type EncString } from "./enc-string";
import { CryptoError } from "./errors";
import { subtle } from "./webcrypto";

/** Bitwarden's asymmetric scheme: RSA-2048, e = 65537, OAEP with SHA-1 (type-4 EncStrings). */
const RSA_OAEP_SHA1 = { name: "RSA-OAEP", hash: "SHA-1" } as const;
const RSA_MODULUS_BITS = 2048;
const RSA_PUBLIC_EXPONENT = new Uint8Array([0x01, 0x00, 0x01]);

export interface RsaKeyPair {
  /** Base64 SPKI DER: stored and shared in plain text. */
  publicKey: string;
  /** PKCS#8 DER: secret; store only wrapped under the user key. */
  privateKey: Bytes;
}

export async function generateRsaKeyPair(): Promise<RsaKeyPair> {
  const webCrypto = subtle();
  const pair = await webCrypto.generateKey(
    { ...RSA_OAEP_SHA1, modulusLength: RSA_MODULUS_BITS, publicExponent: RSA_PUBLIC_EXPONENT },
    true,
    ["encrypt", "decrypt"],
  );
  const [spki, pkcs8] = await Promise.all([
    webCrypto.exportKey("spki", pair.publicKey),
    webCrypto.exportKey("pkcs8", pair.privateKey),
  ]);
  return { publicKey: toBase64(new Uint8Array(spki)), privateKey: new Uint8Array(pkcs8) };
}

function isRsa2048(key: CryptoKey): boolean {
  return (key.algorithm as RsaHashedKeyAlgorithm).modulusLength === RSA_MODULUS_BITS;
}

/** Imports a base64 SPKI RSA-2048 public key; anything else is an invalid public key. */
async function importPublicKey(publicKeyB64: string): Promise<CryptoKey> {
  const webCrypto = subtle();
  let key: CryptoKey;
  try {
    key = await webCrypto.importKey("spki", fromBase64(publicKeyB64), RSA_OAEP_SHA1, false, ["encrypt"]);
  } catch {
    throw new CryptoError("invalidPublicKey");
  }
  // Type 4 is defined as one 256-byte block; other sizes would produce unparseable EncStrings.
  if (!isRsa2048(key)) throw new CryptoError("invalidPublicKey");
  return key;
}

/** @internal Imports PKCS#8 RSA-2048 private key bytes for decryption. */
export async function importPrivateKey(privateKeyPkcs8: Uint8Array): Promise<CryptoKey> {
  const webCrypto = subtle();
  let key: CryptoKey;
  try {
    const pkcs8 = asBufferSource(privateKeyPkcs8);
    key = await webCrypto.importKey("pkcs8", pkcs8, RSA_OAEP_SHA1, false, ["decrypt"]);
  } catch {
    throw new CryptoError("invalidPrivateKey");
  }
  if (!isRsa2048(key)) throw new CryptoError("invalidPrivateKey");
  return key;
}

/** True when the string is a base64 SPKI RSA-2048 key usable for type-4 encryption. */
export async function isValidPublicKey(publicKeyB64: unknown): Promise<boolean> {
  if (typeof publicKeyB64 !== "string") return false;
  try {
    await importPublicKey(publicKeyB64);
    return true;
  } catch {
    return false;
  }
}

/** Type-4 EncString of `data` (at most 214 bytes with OAEP-SHA1 on 2048 bits) for the key's owner. */
export async function rsaEncrypt(data: Uint8Array, publicKeyB64: string): Promise<EncString> {
  const key = await importPublicKey(publicKeyB64);
  let ciphertext: ArrayBuffer;
  try {
    ciphertext = await subtle().encrypt(RSA_OAEP_SHA1, key, asBufferSource(data));
  } catch {
    // The only failure left for a valid key is a message longer than OAEP allows.
    throw new CryptoError("dataTooLong");
  }
  return formatEncString({ type: EncStringType.Rsa2048_OaepSha1, data: new Uint8Array(ciphertext) });
}

export async function rsaDecrypt(enc: EncString, privateKeyPkcs8: Uint8Array): Promise<Bytes> {
  const parsed = parseEncString(enc);
  if (!parsed) throw new CryptoError("malformedEncString");
  if (parsed.type !== EncStringType.Rsa2048_OaepSha1) throw new CryptoError("wrongEncStringType");
  const key = await importPrivateKey(privateKeyPkcs8);
  const webCrypto = subtle();
  try {
    return new Uint8Array(await webCrypto.decrypt(RSA_OAEP_SHA1, key, parsed.data));
  } catch {
    throw new CryptoError("decryptFailed");
  }
}
