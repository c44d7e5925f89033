import { asBufferSource, type Bytes } from "./encoding";
import { CryptoError } from "./errors";
import { subtle } from "./webcrypto";

/**
 * Raw PBKDF2-HMAC-SHA256 over bytes, with no policy on the iteration count. Internal:
 * callers outside lib/crypto use deriveMasterKey / hashMasterPassword, which enforce
 * the account policy. Kept separate so known-answer tests can pin published vectors.
 */
export async function pbkdf2Sha256(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  length: number,
): Promise<Bytes> {
  if (!Number.isSafeInteger(iterations) || iterations < 1) throw new CryptoError("invalidKdfIterations");
  if (!Number.isSafeInteger(length) || length < 1) throw new CryptoError("invalidLength");
  const webCrypto = subtle();
  const baseKey = await webCrypto.importKey("raw", asBufferSource(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await webCrypto.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: asBufferSource(salt), iterations },
    baseKey,
    length * 8,
  );
  return new Uint8Array(bits);
}
