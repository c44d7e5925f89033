import { asBufferSource, concatBytes, type Bytes } from "./encoding";
import { CryptoError } from "./errors";
import { SymmetricKey } from "./symmetric-key";
import { subtle } from "./webcrypto";

export const AES_CBC_IV_LENGTH = 16;
export const AES_BLOCK_LENGTH = 16;
export const HMAC_SHA256_LENGTH = 32;

export interface AesCbcHmacParts {
  iv: Bytes;
  data: Bytes;
  mac: Bytes;
}

function assertKey(key: unknown): asserts key is SymmetricKey {
  if (!(key instanceof SymmetricKey)) throw new CryptoError("invalidKey");
}

/** Encrypt-then-MAC: AES-256-CBC with PKCS#7 padding, then HMAC-SHA256 over iv ‖ ciphertext. */
export async function encryptAesCbcHmac(
  plain: Uint8Array,
  key: SymmetricKey,
  iv: Uint8Array,
): Promise<AesCbcHmacParts> {
  assertKey(key);
  if (iv.length !== AES_CBC_IV_LENGTH) throw new CryptoError("invalidLength");
  const webCrypto = subtle();
  const ivCopy = new Uint8Array(iv);
  try {
    const data = new Uint8Array(
      await webCrypto.encrypt({ name: "AES-CBC", iv: ivCopy }, await key.aesCbcKey(), asBufferSource(plain)),
    );
    const mac = new Uint8Array(await webCrypto.sign("HMAC", await key.hmacKey(), concatBytes(ivCopy, data)));
    return { iv: ivCopy, data, mac };
  } catch {
    throw new CryptoError("encryptFailed");
  }
}

/**
 * Verifies the MAC before touching the ciphertext: an unauthenticated CBC decryption would be
 * a padding oracle. WebCrypto's HMAC verify compares in constant time.
 */
export async function decryptAesCbcHmac(parts: AesCbcHmacParts, key: SymmetricKey): Promise<Bytes> {
  assertKey(key);
  const webCrypto = subtle();
  let authentic = false;
  try {
    authentic = await webCrypto.verify(
      "HMAC",
      await key.hmacKey(),
      asBufferSource(parts.mac),
      concatBytes(parts.iv, parts.data),
    );
  } catch {
    authentic = false;
  }
  if (!authentic) throw new CryptoError("decryptFailed");
  try {
    const plain = await webCrypto.decrypt(
      { name: "AES-CBC", iv: asBufferSource(parts.iv) },
      await key.aesCbcKey(),
      asBufferSource(parts.data),
    );
    return new Uint8Array(plain);
  } catch {
    // Bad padding under a valid MAC means a buggy writer, but the answer to the caller is the same.
    throw new CryptoError("decryptFailed");
  }
}
