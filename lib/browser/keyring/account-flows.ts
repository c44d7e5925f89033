import "client-only";
import {
  createAccountKeys,
  CryptoError,
  deriveLoginSecrets,
  isAllowedKdfConfig,
  kdfConfigOf,
  unlockUserKey,
  type KdfConfig,
  type SymmetricKey,
} from "@/lib/crypto";
import type { KeyMaterial } from "@/lib/vault/key-material";

/** Browser-side steps of login, unlock and registration. They talk to the server only in ciphertext and hashes. */

/** The account's KDF configuration; one outside the policy is refused here, before any derivation. */
export async function fetchKdfConfig(email: string): Promise<KdfConfig> {
  const response = await fetch("/api/accounts/prelogin", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email }),
  });
  const body = (await response.json().catch(() => ({}))) as Partial<KdfConfig> & { error?: string };
  if (!response.ok) throw new Error(body.error ?? "Could not reach the server. Try again.");
  const config = { kdfMemory: null, kdfParallelism: null, ...body };
  if (!isAllowedKdfConfig(config)) throw new Error("The server answered key derivation settings Keyhouse refuses.");
  return kdfConfigOf(config);
}

export async function fetchKeyMaterial(): Promise<KeyMaterial> {
  const response = await fetch("/api/accounts/keys", { cache: "no-store" });
  if (!response.ok) throw new Error("Your session has ended. Sign in again.");
  return (await response.json()) as KeyMaterial;
}

/** Master key → user key, checked by the MAC of the protected user key (a wrong password fails here). */
export async function unlockWithMasterKey(material: KeyMaterial, masterKey: Uint8Array): Promise<SymmetricKey> {
  try {
    return await unlockUserKey({ masterKey, protectedUserKey: material.key });
  } catch (error) {
    if (error instanceof CryptoError) throw new Error("Invalid master password.");
    throw error;
  }
}

/** Master password → master key → user key (the unlock screen and re-prompt; login derives the master key once). */
export async function unlockWithMasterPassword(material: KeyMaterial, masterPassword: string): Promise<SymmetricKey> {
  const { masterKey } = await deriveLoginSecrets({
    email: material.email,
    password: masterPassword,
    kdfConfig: material,
  });
  try {
    return await unlockWithMasterKey(material, masterKey);
  } finally {
    masterKey.fill(0);
  }
}

export { createAccountKeys, deriveLoginSecrets };
