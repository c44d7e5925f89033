import { toBase64, utf8Encode } from "./encoding";
import { subtle } from "./webcrypto";

/** base64(SHA-256(text as UTF-8)): Bitwarden's `EncryptService.hash(text, "sha256")`, used for URI checksums. */
export async function sha256Base64(text: string): Promise<string> {
  return toBase64(new Uint8Array(await subtle().digest("SHA-256", utf8Encode(text))));
}
