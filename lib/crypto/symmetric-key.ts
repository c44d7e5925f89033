import { asBufferSource, fromBase64, randomBytes, toBase64, type Bytes } from "./encoding";
import { CryptoError } from "./errors";
import { subtle } from "./webcrypto";

const ENC_KEY_LENGTH = 32;
const MAC_KEY_LENGTH = 32;
export const SYMMETRIC_KEY_LENGTH = ENC_KEY_LENGTH + MAC_KEY_LENGTH;

/**
 * A Bitwarden "AesCbc256_HmacSha256" key: 32 bytes for AES-256-CBC ‖ 32 bytes for HMAC-SHA256.
 * User, organization and provider keys and the stretched master key all have this shape.
 */
export class SymmetricKey {
  // A #private field stays out of JSON.stringify, console output and React props dumps.
  readonly #bytes: Bytes;
  // Memoized imports: a vault decrypts thousands of strings with one key, and importing
  // a CryptoKey per call would dominate the cost. Promises, so concurrent callers share one import.
  #aesKey: Promise<CryptoKey> | undefined;
  #hmacKey: Promise<CryptoKey> | undefined;

  private constructor(bytes: Bytes) {
    this.#bytes = bytes;
  }

  /** Copies the input, so later changes to the caller's array cannot alter the key. */
  static fromBytes(bytes: Uint8Array): SymmetricKey {
    if (!(bytes instanceof Uint8Array) || bytes.length !== SYMMETRIC_KEY_LENGTH) {
      throw new CryptoError("invalidKey");
    }
    return new SymmetricKey(new Uint8Array(bytes));
  }

  static fromBase64(b64: string): SymmetricKey {
    return SymmetricKey.fromBytes(fromBase64(b64));
  }

  static generate(): SymmetricKey {
    return new SymmetricKey(randomBytes(SYMMETRIC_KEY_LENGTH));
  }

  /** A copy of the 64 raw bytes (for wrapping or tab-scoped storage). */
  toBytes(): Bytes {
    return new Uint8Array(this.#bytes);
  }

  toBase64(): string {
    return toBase64(this.#bytes);
  }

  /** @internal The AES-256-CBC half as a non-extractable CryptoKey. */
  aesCbcKey(): Promise<CryptoKey> {
    this.#aesKey ??= subtle().importKey(
      "raw",
      asBufferSource(this.#bytes.subarray(0, ENC_KEY_LENGTH)),
      { name: "AES-CBC" },
      false,
      ["encrypt", "decrypt"],
    );
    return this.#aesKey;
  }

  /** @internal The HMAC-SHA256 half as a non-extractable CryptoKey. */
  hmacKey(): Promise<CryptoKey> {
    this.#hmacKey ??= subtle().importKey(
      "raw",
      asBufferSource(this.#bytes.subarray(ENC_KEY_LENGTH)),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    return this.#hmacKey;
  }
}
