import { asBufferSource, type Bytes, toBase64, utf8Encode } from "./encoding";
import { hkdfExpand } from "./kdf";
import type { SymmetricKey } from "./symmetric-key";
import { subtle } from "./webcrypto";

const SUB_KEY_LENGTH = 32;

/**
 * base64(HMAC-SHA256(HKDF-Expand(key, purpose), data)): recognises the same data again without revealing it to
 * whoever stores the result but lacks the key. A plain hash of a plaintext file would be a fingerprint of that
 * plaintext, checkable by anyone holding a guess; this one is checkable only with the key. The purpose names a
 * sub-key of its own, so the result can never stand in for a MAC made with the key itself.
 */
export async function keyedHash(key: SymmetricKey, purpose: string, data: string | Uint8Array): Promise<string> {
  const subKey = await hkdfExpand(key.toBytes(), `keyhouse ${purpose}`, SUB_KEY_LENGTH);
  const hmacKey = await subtle().importKey("raw", subKey, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const bytes: Bytes = typeof data === "string" ? utf8Encode(data) : asBufferSource(data);
  return toBase64(new Uint8Array(await subtle().sign("HMAC", hmacKey, bytes)));
}
