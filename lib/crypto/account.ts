import type { EncString } from "./enc-string";
import { CryptoError } from "./errors";
import {
  DEFAULT_KDF_CONFIG,
  deriveMasterKey,
  hashMasterPassword,
  kdfConfigOf,
  stretchMasterKey,
  type KdfConfig,
} from "./kdf";
import { unwrapSymmetricKey, wrapPrivateKey, wrapSymmetricKey } from "./keys";
import { generateRsaKeyPair } from "./rsa";
import { SymmetricKey } from "./symmetric-key";
import type { Bytes } from "./encoding";

export interface Credentials {
  email: string;
  password: string;
  kdfConfig: KdfConfig;
}

/** What registration sends to the server (the KDF configuration among it), plus the user key for the new session. */
export interface AccountKeys extends KdfConfig {
  masterPasswordHash: string;
  /** Protected user key: type 2 under the stretched master key. */
  key: EncString;
  /** Base64 SPKI DER. */
  publicKey: string;
  /** PKCS#8 DER as type 2 under the user key. */
  privateKey: EncString;
  /** Unwrapped, for the browser's keyring only; never send it. */
  userKey: SymmetricKey;
}

/**
 * Builds a new account's whole key hierarchy in the browser. The master key lives only
 * inside this call and is wiped before returning.
 */
export async function createAccountKeys({
  email,
  password,
  kdfConfig = DEFAULT_KDF_CONFIG,
}: Omit<Credentials, "kdfConfig"> & { kdfConfig?: KdfConfig }): Promise<AccountKeys> {
  const masterKey = await deriveMasterKey(password, email, kdfConfig);
  try {
    const masterPasswordHash = await hashMasterPassword(masterKey, password);
    const userKey = SymmetricKey.generate();
    const key = await wrapSymmetricKey(userKey, await stretchMasterKey(masterKey));
    const rsa = await generateRsaKeyPair();
    const privateKey = await wrapPrivateKey(rsa.privateKey, userKey);
    rsa.privateKey.fill(0);
    return {
      ...kdfConfigOf(kdfConfig),
      masterPasswordHash,
      key,
      publicKey: rsa.publicKey,
      privateKey,
      userKey,
    };
  } finally {
    masterKey.fill(0);
  }
}

/**
 * Login: the hash goes to the server; the master key stays in the browser just long enough
 * to unlock the user key. Callers should wipe it (masterKey.fill(0)) once unlocked.
 */
export async function deriveLoginSecrets({
  email,
  password,
  kdfConfig,
}: Credentials): Promise<{ masterKey: Bytes; masterPasswordHash: string }> {
  const masterKey = await deriveMasterKey(password, email, kdfConfig);
  return { masterKey, masterPasswordHash: await hashMasterPassword(masterKey, password) };
}

/** Master key → user key. A wrong password shows up as a MAC failure, reported as such. */
export async function unlockUserKey({
  masterKey,
  protectedUserKey,
}: {
  masterKey: Uint8Array;
  protectedUserKey: EncString;
}): Promise<SymmetricKey> {
  const stretched = await stretchMasterKey(masterKey);
  try {
    return await unwrapSymmetricKey(protectedUserKey, stretched);
  } catch (error) {
    if (error instanceof CryptoError && error.code === "decryptFailed") throw new CryptoError("invalidMasterPassword");
    throw error;
  }
}

/** Password change: the user key stays, only its wrapping changes. Returns the new protected user key. */
export async function rewrapUserKey(userKey: SymmetricKey, newMasterKey: Uint8Array): Promise<EncString> {
  return wrapSymmetricKey(userKey, await stretchMasterKey(newMasterKey));
}
