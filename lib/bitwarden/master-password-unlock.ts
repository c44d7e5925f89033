import "server-only";
import type { KdfConfig } from "@/lib/crypto";

/** KdfConfig in the apps' shape (pre-login's `kdfSettings`, MasterPasswordUnlock's `kdf`); memory is in MiB. */
export function kdfSettingsResponse(kdf: KdfConfig) {
  return { kdfType: kdf.kdf, iterations: kdf.kdfIterations, memory: kdf.kdfMemory, parallelism: kdf.kdfParallelism };
}

/** MasterPasswordUnlock: what an app needs to unlock with the master password (salt = the lower-cased email). */
export function masterPasswordUnlockResponse(account: KdfConfig & { email: string; key: string }) {
  return { kdf: kdfSettingsResponse(account), masterKeyEncryptedUserKey: account.key, salt: account.email };
}
