import { decryptBytes, encryptBytes, type EncString } from "./enc-string";
import { CryptoError } from "./errors";
import { importPrivateKey, rsaDecrypt, rsaEncrypt } from "./rsa";
import { SymmetricKey } from "./symmetric-key";
import type { Bytes } from "./encoding";

/**
 * Key wrapping as the key hierarchy uses it: symmetric keys travel as type 2 under another
 * symmetric key (user key under stretched master key, org key under provider key) or as
 * type 4 under a member's public key; the private key travels as type 2 under the user key.
 */

export async function wrapSymmetricKey(key: SymmetricKey, wrappingKey: SymmetricKey): Promise<EncString> {
  return withRawKey(key, (raw) => encryptBytes(raw, wrappingKey));
}

export async function unwrapSymmetricKey(enc: EncString, wrappingKey: SymmetricKey): Promise<SymmetricKey> {
  return toSymmetricKey(await decryptBytes(enc, wrappingKey));
}

export async function wrapSymmetricKeyForPublicKey(key: SymmetricKey, publicKeyB64: string): Promise<EncString> {
  return withRawKey(key, (raw) => rsaEncrypt(raw, publicKeyB64));
}

export async function unwrapSymmetricKeyWithPrivateKey(
  enc: EncString,
  privateKeyPkcs8: Uint8Array,
): Promise<SymmetricKey> {
  return toSymmetricKey(await rsaDecrypt(enc, privateKeyPkcs8));
}

export async function wrapPrivateKey(pkcs8: Uint8Array, userKey: SymmetricKey): Promise<EncString> {
  return encryptBytes(pkcs8, userKey);
}

/** Also checks the result imports as an RSA-2048 PKCS#8 key, so a bad blob fails here, not later. */
export async function unwrapPrivateKey(enc: EncString, userKey: SymmetricKey): Promise<Bytes> {
  const pkcs8 = await decryptBytes(enc, userKey);
  await importPrivateKey(pkcs8);
  return pkcs8;
}

/** Hands out a temporary copy of the raw key and wipes it afterwards. */
async function withRawKey<T>(key: SymmetricKey, operation: (raw: Bytes) => Promise<T>): Promise<T> {
  if (!(key instanceof SymmetricKey)) throw new CryptoError("invalidKey");
  const raw = key.toBytes();
  try {
    return await operation(raw);
  } finally {
    raw.fill(0);
  }
}

/** Authentic plaintext of the wrong length is still not a key. */
function toSymmetricKey(bytes: Bytes): SymmetricKey {
  try {
    return SymmetricKey.fromBytes(bytes);
  } catch {
    throw new CryptoError("invalidKey");
  } finally {
    bytes.fill(0);
  }
}
