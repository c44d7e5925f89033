/**
 * Isomorphic cryptography (browser, Node scripts, tests): WebCrypto, and hash-wasm for Argon2id; Bitwarden formats.
 * See DESIGN.md §4 for the key hierarchy. Internal helpers (fixed-IV encryption, raw PBKDF2,
 * raw Argon2id, the fingerprint word list) are deliberately not re-exported here.
 */
export { CryptoError, CRYPTO_ERROR_MESSAGES, type CryptoErrorCode } from "./errors";
export { toBase64, fromBase64, utf8Encode, utf8Decode, concatBytes, randomBytes, type Bytes } from "./encoding";
export {
  KDF_PBKDF2_SHA256,
  KDF_ARGON2ID,
  KDF_TYPES,
  DEFAULT_KDF_ITERATIONS,
  MIN_KDF_ITERATIONS,
  MAX_KDF_ITERATIONS,
  ARGON2_ITERATIONS,
  ARGON2_MEMORY_MIB,
  ARGON2_PARALLELISM,
  DEFAULT_KDF_CONFIG,
  pbkdf2Kdf,
  argon2idKdf,
  kdfConfigOf,
  isAllowedKdfConfig,
  sameKdfConfig,
  describeKdfConfig,
  isAllowedKdfIterations,
  normalizeEmailForSalt,
  deriveMasterKey,
  hashMasterPassword,
  hkdfExpand,
  stretchMasterKey,
  derivePasswordProtectedKey,
  type KdfType,
  type KdfConfig,
} from "./kdf";
export { SymmetricKey, SYMMETRIC_KEY_LENGTH } from "./symmetric-key";
export {
  EncStringType,
  parseEncString,
  isEncString,
  asEncString,
  formatEncString,
  encryptBytes,
  encryptString,
  decryptBytes,
  decryptString,
  type EncString,
  type EncStringTypeValue,
  type ParsedEncString,
  type AesCbcHmacEncString,
  type RsaOaepEncString,
} from "./enc-string";
export { generateRsaKeyPair, rsaEncrypt, rsaDecrypt, isValidPublicKey, type RsaKeyPair } from "./rsa";
export {
  wrapSymmetricKey,
  unwrapSymmetricKey,
  wrapSymmetricKeyForPublicKey,
  unwrapSymmetricKeyWithPrivateKey,
  wrapPrivateKey,
  unwrapPrivateKey,
} from "./keys";
export {
  createAccountKeys,
  deriveLoginSecrets,
  unlockUserKey,
  rewrapUserKey,
  type AccountKeys,
  type Credentials,
} from "./account";
export { encryptFile, decryptFile, formatEncArrayBuffer, parseEncArrayBuffer } from "./enc-array-buffer";
export { fingerprintPhrase, fingerprintWords } from "./fingerprint";
export { isWebCryptoAvailable } from "./webcrypto";
export { sha256Base64 } from "./hash";
export { keyedHash } from "./keyed-hash";
export { createOrganizationKeys, type OrganizationKeys } from "./organization";
export { newMoveSecret, formatMoveCode, parseMoveCode, moveTransferKey, moveVerifier } from "./move-code";
