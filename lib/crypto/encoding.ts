import { CryptoError } from "./errors";

/**
 * Bytes backed by a plain ArrayBuffer. TypeScript's DOM types only accept these as
 * WebCrypto/Blob inputs, so everything this module returns has this type.
 */
export type Bytes = Uint8Array<ArrayBuffer>;

// String.fromCharCode(...chunk) has an argument-count limit; 32 KiB chunks stay well below it.
const BASE64_CHUNK = 0x8000;
// Standard alphabet, padded, no whitespace: exactly what Bitwarden writes.
const BASE64_SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const encoder = new TextEncoder();
// fatal: reject invalid UTF-8 instead of inventing U+FFFD; ignoreBOM: keep a leading BOM as data.
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let offset = 0; offset < bytes.length; offset += BASE64_CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + BASE64_CHUNK));
  }
  return btoa(binary);
}

/** Strict: standard alphabet, correct padding, canonical trailing bits; anything else throws. */
export function fromBase64(b64: string): Bytes {
  if (typeof b64 !== "string" || !BASE64_SHAPE.test(b64)) throw new CryptoError("invalidBase64");
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // atob ignores non-zero unused bits ("AB==" decodes like "AA=="); re-encoding catches that.
  if (toBase64(bytes) !== b64) throw new CryptoError("invalidBase64");
  return bytes;
}

export function utf8Encode(s: string): Bytes {
  return encoder.encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  try {
    return decoder.decode(b);
  } catch {
    throw new CryptoError("invalidUtf8");
  }
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// getRandomValues refuses more than 65,536 bytes per call.
const RANDOM_CHUNK = 65_536;

export function randomBytes(n: number): Bytes {
  if (!Number.isSafeInteger(n) || n < 0) throw new CryptoError("invalidLength");
  const out = new Uint8Array(n);
  for (let offset = 0; offset < n; offset += RANDOM_CHUNK) {
    globalThis.crypto.getRandomValues(out.subarray(offset, offset + RANDOM_CHUNK));
  }
  return out;
}

/** WebCrypto's types want ArrayBuffer-backed views; copy only when given something else. */
export function asBufferSource(bytes: Uint8Array): Bytes {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Bytes) : new Uint8Array(bytes);
}
