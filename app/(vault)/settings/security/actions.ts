"use server";

import { defineAction } from "@/lib/authz/action";
import { user } from "@/lib/authz/scope-rules";
import { kdfConfigOf } from "@/lib/crypto";
import { appUrl } from "@/lib/server/config";
import { replaceMasterCredentials } from "@/lib/dal/account-security";
import { kdfChangedMail, masterPasswordChangedMail } from "@/lib/mail/account-mail";
import { masterCredentialsChangeSchema } from "@/lib/validation/account-security";

/**
 * A new master password, derived and checked against the organizations' requirements in the browser: the server
 * gets the current hash as proof, the new hash and the user key re-wrapped under the new master key. The security
 * stamp rotates, so every session ends; the browser that made the change signs in again with the new hash.
 */
export const changeMasterPasswordAction = defineAction({
  name: "account.changeMasterPassword",
  input: masterCredentialsChangeSchema,
  scope: user(),
  async run({ input, scope, tx, record, mail }) {
    await replaceMasterCredentials(tx, scope, input);
    await record({ type: "user_changed_master_password", userId: scope.userId });
    await mail({ to: scope.email, ...masterPasswordChangedMail(appUrl("/settings/security")) });
    return {};
  },
});

/**
 * A new KDF configuration (PBKDF2-SHA256 or Argon2id and its parameters) with the same master password: a new master
 * key, so a new hash and re-wrapped user key too, saved as a password change is.
 */
export const changeKdfAction = defineAction({
  name: "account.changeKdf",
  input: masterCredentialsChangeSchema,
  scope: user(),
  async run({ input, scope, tx, record, mail }) {
    await replaceMasterCredentials(tx, scope, input);
    const kdfConfig = kdfConfigOf(input);
    await record({ type: "user_changed_kdf", userId: scope.userId, details: kdfConfig });
    await mail({ to: scope.email, ...kdfChangedMail(kdfConfig, appUrl("/settings/security")) });
    return kdfConfig;
  },
});
