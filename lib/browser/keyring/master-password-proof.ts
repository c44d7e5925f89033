import "client-only";
import {
  CryptoError,
  deriveLoginSecrets,
  type EncString,
  type KdfConfig,
  rewrapUserKey,
  type SymmetricKey,
  unlockUserKey,
} from "@/lib/crypto";
import type { KeyMaterial } from "@/lib/vault/key-material";
import { fetchKeyMaterial } from "./account-flows";

/**
 * Browser-side steps of the account settings that need the master password: prove the current one (it must open the
 * protected user key) and re-wrap the user key for a new one. Only hashes and the re-wrapped key reach the server.
 */

export class InvalidMasterPasswordError extends Error {
  constructor() {
    super("Your master password is not correct.");
    this.name = "InvalidMasterPasswordError";
  }
}

/** The current master password's hash and the user key it opens; a wrong password fails here, before any request. */
export async function proveMasterPassword(
  material: KeyMaterial,
  password: string,
): Promise<{ masterPasswordHash: string; userKey: SymmetricKey }> {
  const { masterKey, masterPasswordHash } = await deriveLoginSecrets({
    email: material.email,
    password,
    kdfConfig: material,
  });
  try {
    return { masterPasswordHash, userKey: await unlockUserKey({ masterKey, protectedUserKey: material.key }) };
  } catch (error) {
    if (error instanceof CryptoError) throw new InvalidMasterPasswordError();
    throw error;
  } finally {
    masterKey.fill(0);
  }
}

/** The signed-in account's current master password hash, once the password is shown to open its user key. */
export async function currentMasterPasswordHash(password: string): Promise<string> {
  return (await proveMasterPassword(await fetchKeyMaterial(), password)).masterPasswordHash;
}

/** The hash and protected user key for `password` with `kdfConfig` (a new password, or a new KDF configuration). */
export async function rewrapForMasterPassword(
  material: KeyMaterial,
  userKey: SymmetricKey,
  { password, kdfConfig }: { password: string; kdfConfig: KdfConfig },
): Promise<{ masterPasswordHash: string; key: EncString }> {
  const { masterKey, masterPasswordHash } = await deriveLoginSecrets({ email: material.email, password, kdfConfig });
  try {
    return { masterPasswordHash, key: await rewrapUserKey(userKey, masterKey) };
  } finally {
    masterKey.fill(0);
  }
}
