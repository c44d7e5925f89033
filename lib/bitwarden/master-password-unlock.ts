import "server-only";
/** MasterPasswordUnlock: what an app needs to unlock with the master password (salt = the lower-cased email). */
export function masterPasswordUnlockResponse(account: {
  email: string;
  kdfType: number;
  kdfIterations: number;
  key: string;
}) {
  return {
    kdf: { kdfType: account.kdfType, iterations: account.kdfIterations, memory: null, parallelism: null },
    masterKeyEncryptedUserKey: account.key,
    salt: account.email,
  };
}
