"use server";

import { defineAction } from "@/lib/authz/action";
import { user } from "@/lib/authz/scope-rules";
import { appUrl } from "@/lib/server/config";
import { assertMasterPasswordHash } from "@/lib/dal/account-security";
import { beginTwoFactorSetup, disableTwoFactor, enableTwoFactor } from "@/lib/dal/two-factor";
import { reportTwoStepLoginTurnedOff } from "@/lib/dal/two-step-login-policy";
import { twoFactorEnabledMail } from "@/lib/mail/account-mail";
import {
  disableTwoFactorSchema,
  enableTwoFactorSchema,
  masterPasswordProofSchema,
} from "@/lib/validation/account-security";

/**
 * Two-step login with an authenticator app. Every step asks for the master password (its hash), as Bitwarden does,
 * so an unlocked, unattended browser is not enough to change it.
 */

/** Makes a new authenticator key and hands it to the page once, for the QR code and the key in text. */
export const beginTwoFactorAction = defineAction({
  name: "account.twoFactor.begin",
  input: masterPasswordProofSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    await assertMasterPasswordHash(tx, scope, input.masterPasswordHash);
    const { key } = await beginTwoFactorSetup(tx, scope);
    await record({ type: "user_began_two_factor_setup", userId: scope.userId });
    return { key };
  },
});

/** Turns it on once a current code proves the app holds the key; answers the recovery code, shown once. */
export const enableTwoFactorAction = defineAction({
  name: "account.twoFactor.enable",
  input: enableTwoFactorSchema,
  scope: user(),
  async run({ input, scope, tx, record, mail }) {
    await assertMasterPasswordHash(tx, scope, input.masterPasswordHash);
    const { recoveryCode } = await enableTwoFactor(tx, scope, input.code);
    await record({ type: "user_enabled_two_factor", userId: scope.userId });
    await mail({ to: scope.email, ...twoFactorEnabledMail(appUrl("/settings/security")) });
    return { recoveryCode };
  },
});

/** Turns it off with a current code or the recovery code; organizations that require it revoke the person. */
export const disableTwoFactorAction = defineAction({
  name: "account.twoFactor.disable",
  input: disableTwoFactorSchema,
  scope: user(),
  async run({ input, scope, tx, record, mail }) {
    await assertMasterPasswordHash(tx, scope, input.masterPasswordHash);
    const factor = await disableTwoFactor(tx, scope, input.code);
    const revoked = await reportTwoStepLoginTurnedOff(tx, scope, factor, { record, mail });
    return { revokedFrom: revoked.map((membership) => membership.organizationName) };
  },
});
