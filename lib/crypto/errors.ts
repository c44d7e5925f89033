/**
 * Every failure in lib/crypto surfaces as a CryptoError whose message is one of a
 * fixed set of sentences. Messages are never built from inputs, so they can never
 * leak plaintext, key bytes or passwords into logs, toasts or error reports.
 */
export const CRYPTO_ERROR_MESSAGES = {
  decryptFailed: "Decryption failed: the data or key is wrong",
  encryptFailed: "Encryption failed",
  malformedEncString: "Malformed encrypted value",
  wrongEncStringType: "Encrypted value has the wrong type for this key",
  invalidBase64: "Invalid base64 data",
  invalidUtf8: "Decrypted data is not valid UTF-8 text",
  invalidKey: "Invalid key",
  invalidPublicKey: "Invalid public key",
  invalidPrivateKey: "Invalid private key",
  invalidMasterPassword: "Invalid master password",
  invalidPassword: "The password must not be empty",
  invalidKdfIterations: "Unsupported number of KDF iterations",
  invalidKdf: "Unsupported key derivation settings",
  invalidLength: "Invalid length requested",
  dataTooLong: "Data is too long for RSA encryption",
  webCryptoUnavailable: "Web Crypto is unavailable: open Keyhouse over HTTPS or on localhost",
} as const;

export type CryptoErrorCode = keyof typeof CRYPTO_ERROR_MESSAGES;

export class CryptoError extends Error {
  override readonly name = "CryptoError";
  /** Stable machine-readable reason, for callers that branch on it (e.g. show "wrong password"). */
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode) {
    // Deliberately no `cause`: WebCrypto errors are harmless today, but we never attach foreign data.
    super(CRYPTO_ERROR_MESSAGES[code]);
    this.code = code;
  }
}
