"use server";

import { z } from "zod";
import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { anyone } from "@/lib/authz/scope-rules";
import { findAccountIdByEmail, markEmailVerified } from "@/lib/dal/accounts";
import { consumeEmailToken, EMAIL_TOKEN_PROBLEMS } from "@/lib/dal/email-tokens";
import { emailLinkTokenSchema } from "@/lib/validation/account";

/**
 * Follows a verification link. Holding the link proves the mailbox, so no session is needed (it may be opened on
 * another device); the link verifies only the address it was sent to, once.
 */
export const verifyEmailAction = defineAction({
  name: "account.verifyEmail",
  input: z.object({ token: emailLinkTokenSchema }),
  scope: anyone(),
  async run({ input, tx, record }) {
    const { email } = await consumeEmailToken(tx, input.token, "verification");
    const userId = await findAccountIdByEmail(tx, email);
    // The account was deleted since the link was sent.
    if (!userId) throw new ActionError(EMAIL_TOKEN_PROBLEMS.invalid);
    await markEmailVerified(tx, email);
    await record({ type: "user_email_verified", actingUserId: userId, userId });
    return { email };
  },
});
