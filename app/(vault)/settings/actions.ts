"use server";

import { z } from "zod";
import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { user } from "@/lib/authz/scope-rules";
import { appUrl } from "@/lib/server/config";
import { deleteAccount, updateAccountName } from "@/lib/dal/account-security";
import { createEmailToken } from "@/lib/dal/email-tokens";
import { accountDeletedMail, verifyEmailMail } from "@/lib/mail/account-mail";
import { EMAIL_LINK_LIFETIME_HOURS } from "@/lib/validation/account";
import { deleteAccountSchema, updateNameSchema } from "@/lib/validation/account-security";

/** My account: the name others see (members lists, event logs). */
export const updateNameAction = defineAction({
  name: "account.updateName",
  input: updateNameSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    await updateAccountName(tx, scope, input.name);
    await record({ type: "user_updated_name", userId: scope.userId });
    return { name: input.name };
  },
});

/**
 * Mails the signed-in person a link that verifies their address (accounts made before registration verified
 * addresses have none). The link is bound to the address, so only its mailbox can use it.
 */
export const sendVerificationEmailAction = defineAction({
  name: "account.sendVerificationEmail",
  input: z.object({}),
  scope: user(),
  async run({ scope, tx, record, mail }) {
    if (scope.emailVerified) throw new ActionError("Your email address is already verified.");
    const { token } = await createEmailToken(tx, "verification", scope.email);
    await mail({
      to: scope.email,
      ...verifyEmailMail(appUrl(`/verify-email?token=${token}`), EMAIL_LINK_LIFETIME_HOURS),
    });
    await record({ type: "user_verification_email_sent", userId: scope.userId });
    return { email: scope.email };
  },
});

/** Deletes the signed-in account for good, after the master password and the typed email address. */
export const deleteAccountAction = defineAction({
  name: "account.delete",
  input: deleteAccountSchema,
  scope: user(),
  async run({ input, scope, tx, record, mail }) {
    if (input.confirmation !== scope.email) {
      const message = "Type your email address exactly as shown to confirm.";
      throw new ActionError(message, { confirmation: message });
    }
    await deleteAccount(tx, scope, input.masterPasswordHash);
    await record({ type: "user_deleted", userId: scope.userId });
    await mail({ to: scope.email, ...accountDeletedMail() });
    return {};
  },
});
