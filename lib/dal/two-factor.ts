import "server-only";
import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import {
  authenticatorCodeStep,
  generateAuthenticatorKey,
  generateRecoveryCode,
  looksLikeAuthenticatorCode,
  normalizeRecoveryCode,
} from "@/lib/account-security/two-factor";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import { secretHash } from "@/lib/server/secret-token";

/**
 * Two-step login with an authenticator app (lib/account-security/two-factor.ts). The authenticator key never
 * leaves this module except once, to the person setting it up; the recovery code is kept as its SHA-256 only.
 */

export type SecondFactor = "authenticator" | "recovery_code";

type TwoFactorRow = {
  secret: string | null;
  enabledAt: Date | null;
  recoveryCodeHash: string | null;
  lastStep: number | null;
};

/** A second factor that passed; for an authenticator code, the step to remember so that it does not pass again. */
type MatchedFactor = { factor: "authenticator"; step: number } | { factor: "recovery_code" };

const twoFactorColumns = {
  secret: users.twoFactorSecret,
  enabledAt: users.twoFactorEnabledAt,
  recoveryCodeHash: users.twoFactorRecoveryCodeHash,
  lastStep: users.twoFactorLastStep,
};

function recoveryCodeMatches(row: TwoFactorRow, typed: string): boolean {
  const code = normalizeRecoveryCode(typed);
  if (!code || !row.recoveryCodeHash) return false;
  return timingSafeEqual(Buffer.from(secretHash(code)), Buffer.from(row.recoveryCodeHash));
}

/**
 * Which second factor `code` is for this account, if it is a valid one: a current code not used before (its step
 * is after the last accepted one), or the recovery code.
 */
function matchSecondFactor(row: TwoFactorRow, code: string): MatchedFactor | null {
  if (!row.enabledAt || !row.secret) return null;
  if (looksLikeAuthenticatorCode(code)) {
    const step = authenticatorCodeStep(row.secret, code);
    const fresh = step !== null && (row.lastStep === null || step > row.lastStep);
    return fresh ? { factor: "authenticator", step } : null;
  }
  return recoveryCodeMatches(row, code) ? { factor: "recovery_code" } : null;
}

/** The user's row, locked: a setup, a change and a login's recovery cannot interleave. */
async function lockTwoFactor(tx: Executor, userId: string): Promise<TwoFactorRow> {
  const [row] = await tx.select(twoFactorColumns).from(users).where(eq(users.id, userId)).for("update");
  if (!row) throw new ActionError("Your account no longer exists.");
  return row;
}

/** Starts a setup with a new authenticator key (replacing an unfinished one) and answers it, once. */
export async function beginTwoFactorSetup(tx: Executor, scope: UserScope): Promise<{ key: string }> {
  const { userId } = assertScope(scope);
  const row = await lockTwoFactor(tx, userId);
  if (row.enabledAt)
    throw new ActionError("Two-step login is already on. Turn it off first to set up another authenticator app.");
  const key = generateAuthenticatorKey();
  await tx.update(users).set({ twoFactorSecret: key }).where(eq(users.id, userId));
  return { key };
}

/** Turns two-step login on once the app proves it holds the key; answers the new recovery code, shown once. */
export async function enableTwoFactor(tx: Executor, scope: UserScope, code: string): Promise<{ recoveryCode: string }> {
  const { userId } = assertScope(scope);
  const row = await lockTwoFactor(tx, userId);
  if (row.enabledAt) throw new ActionError("Two-step login is already on.");
  if (!row.secret) throw new ActionError("Start the setup again: there is no authenticator key to confirm.");
  const step = authenticatorCodeStep(row.secret, code);
  if (step === null) {
    const message = "That code is not the current one. Check the time on your phone and try the newest code.";
    throw new ActionError(message, { code: message });
  }
  const recoveryCode = generateRecoveryCode();
  await tx
    .update(users)
    .set({
      twoFactorEnabledAt: new Date(),
      twoFactorRecoveryCodeHash: secretHash(recoveryCode),
      twoFactorLastStep: step,
    })
    .where(eq(users.id, userId));
  return { recoveryCode };
}

/** Removes the authenticator key and the recovery code. */
async function clearTwoFactor(tx: Executor, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ twoFactorSecret: null, twoFactorEnabledAt: null, twoFactorRecoveryCodeHash: null, twoFactorLastStep: null })
    .where(eq(users.id, userId));
}

/** Turns two-step login off with a current code or the recovery code; answers which one was used. */
export async function disableTwoFactor(tx: Executor, scope: UserScope, code: string): Promise<SecondFactor> {
  const { userId } = assertScope(scope);
  const row = await lockTwoFactor(tx, userId);
  if (!row.enabledAt) throw new ActionError("Two-step login is already off.");
  const matched = matchSecondFactor(row, code);
  if (!matched) {
    const message = "That is neither the current code of your authenticator app nor your recovery code.";
    throw new ActionError(message, { code: message });
  }
  await clearTwoFactor(tx, userId);
  return matched.factor;
}

/**
 * The second step of a login: which factor `code` is, or null when it is wrong or already used. An authenticator
 * code's step is remembered; a recovery code turns two-step login off and is used up (Bitwarden's rule), in the
 * caller's transaction. Scope-less: it runs before there is a session.
 */
export async function redeemSecondFactor(tx: Executor, userId: string, code: string): Promise<SecondFactor | null> {
  const row = await lockTwoFactor(tx, userId);
  const matched = matchSecondFactor(row, code);
  if (matched?.factor === "authenticator")
    await tx.update(users).set({ twoFactorLastStep: matched.step }).where(eq(users.id, userId));
  if (matched?.factor === "recovery_code") await clearTwoFactor(tx, userId);
  return matched?.factor ?? null;
}
