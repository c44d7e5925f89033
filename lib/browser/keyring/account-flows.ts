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

/**
 * Auth.js's anti-forgery token for the sign-in request (its double-submit cookie comes with it). Fetched while the
 * user types, so the sign-in itself is one round trip.
 */
export async function fetchCsrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  const body = (await response.json().catch(() => ({}))) as { csrfToken?: string };
  if (!response.ok || !body.csrfToken) throw new Error("Could not reach the server. Try again.");
  return body.csrfToken;
}

/** Auth.js's answer to a credentials sign-in: `error` and `code` name a refusal; `ok` means the cookie is set. */
export type SignInResult = { ok: boolean; error?: string; code?: string };

/**
 * The credentials sign-in as next-auth/react's signIn("credentials", { redirect: false }) sends it, without the two
 * requests it makes first (the provider list, and the token fetched here ahead of time).
 */
export async function signInWithCredentials(
  credentials: Record<string, string>,
  csrfToken: string,
  callbackUrl: string,
): Promise<SignInResult> {
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ ...credentials, csrfToken, callbackUrl }),
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  if (!body.url) return { ok: false, error: "Configuration" };
  const answer = new URL(body.url, window.location.href).searchParams;
  return { ok: response.ok, error: answer.get("error") ?? undefined, code: answer.get("code") ?? undefined };
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
