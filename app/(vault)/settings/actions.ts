"use server";

import { ActionError, defineAction } from "@/lib/authz/action";
import { requireUser } from "@/lib/authz/scope";
import { deleteAccount, updateAccountName } from "@/lib/dal/account-security";
import { accountDeletedMail } from "@/lib/mail/account-mail";
import { deleteAccountSchema, updateNameSchema } from "@/lib/validation/account-security";

/** My account: the name others see (members lists, event logs). */
export const updateNameAction = defineAction({
  name: "account.updateName",
  input: updateNameSchema,
  authorize: () => requireUser(),
  async run({ input, scope, tx, record }) {
    await updateAccountName(tx, scope, input.name);
    await record({ type: "user_updated_name", userId: scope.userId });
    return { name: input.name };
  },
});

/** Deletes the signed-in account for good, after the master password and the typed email address. */
export const deleteAccountAction = defineAction({
  name: "account.delete",
  input: deleteAccountSchema,
  authorize: () => requireUser(),
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
