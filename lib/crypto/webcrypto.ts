import { CryptoError } from "./errors";

/**
 * Browsers expose crypto.subtle only in secure contexts (HTTPS or localhost). A self-hosted
 * server reached over plain HTTP would otherwise fail with an obscure TypeError.
 */
export function isWebCryptoAvailable(): boolean {
  return typeof globalThis.crypto?.subtle?.importKey === "function";
}

export function subtle(): SubtleCrypto {
  if (!isWebCryptoAvailable()) throw new CryptoError("webCryptoUnavailable");
  return globalThis.crypto.subtle;
}
