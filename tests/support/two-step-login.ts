import { beginTwoFactorAction, enableTwoFactorAction } from "@/app/(vault)/settings/security/two-factor-actions";
import { authenticatorCode } from "@/lib/account-security/two-factor";
import { deriveLoginSecrets, type KdfConfig } from "@/lib/crypto";
import type { TestUser } from "./factories";
import { signInAs } from "./session";

/** The hash the browser derives for this password (with the KDF settings the account was made with unless given). */
export async function hashOf(
  user: TestUser,
  password = user.password,
  kdfConfig: KdfConfig = user.keys,
): Promise<string> {
  const { masterKey, masterPasswordHash } = await deriveLoginSecrets({ email: user.email, password, kdfConfig });
  masterKey.fill(0);
  return masterPasswordHash;
}

/**
 * Turns two-step login on through the actions, as the settings page does; answers the key, the recovery code, and
 * `codeAfter(n)`: the code `n` steps after the one that turned it on (that one, like any code, passes only once).
 */
export async function turnOnTwoStepLogin(user: TestUser) {
  await signInAs(user.id);
  const masterPasswordHash = await hashOf(user);
  const begun = await beginTwoFactorAction({ masterPasswordHash });
  if (!begun.ok) throw new Error(begun.error);
  const enabledAt = Date.now();
  const enabled = await enableTwoFactorAction({ masterPasswordHash, code: authenticatorCode(begun.key, enabledAt) });
  if (!enabled.ok) throw new Error(enabled.error);
  const codeAfter = (steps: number) => authenticatorCode(begun.key, enabledAt + steps * 30_000);
  const enabledStep = Math.floor(enabledAt / 30_000);
  return { key: begun.key, recoveryCode: enabled.recoveryCode, codeAfter, enabledStep };
}
