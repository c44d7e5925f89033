"use server";

import { defineAction } from "@/lib/authz/action";
import { anyone } from "@/lib/authz/scope-rules";
import { appUrl } from "@/lib/server/config";
import { createAccount, findAccountIdByEmail } from "@/lib/dal/accounts";
import { createEmailToken } from "@/lib/dal/email-tokens";
import { provenRegistrationEmail } from "@/lib/dal/registration";
import { accountExistsMail, finishRegistrationMail } from "@/lib/mail/account-mail";
import { EMAIL_LINK_LIFETIME_HOURS, registerSchema, startRegistrationSchema } from "@/lib/validation/account";

/**
 * Starts an account by mail, as Bitwarden does: the address gets a single-use link to finish, or, when it already
 * has an account, a mail saying so. The answer is the same either way, so the page reveals nobody's account.
 */
export const startRegistration = defineAction({
  name: "account.startRegistration",
  input: startRegistrationSchema,
  scope: anyone(),
  async run({ input, tx, record, mail }) {
    const existingId = await findAccountIdByEmail(tx, input.email);
    if (existingId) {
      await mail({ to: input.email, ...accountExistsMail(appUrl(`/login?email=${encodeURIComponent(input.email)}`)) });
    } else {
      const { token } = await createEmailToken(tx, "registration", input.email);
      const finishUrl = appUrl(`/register/finish?token=${token}&name=${encodeURIComponent(input.name)}`);
      await mail({ to: input.email, ...finishRegistrationMail(finishUrl, EMAIL_LINK_LIFETIME_HOURS) });
    }
    await record({ type: "user_registration_started", userId: existingId, details: { email: input.email } });
    return {};
  },
});

/** One answer for every way a finish can lose to an existing account (a second link, a race), naming no account. */
const NOT_CREATED = "No account was created with this link. If you already have an account, log in.";

/**
 * Finishes an account from keys the browser derived (the server only ever sees the master password hash), for the
 * address a followed link proved: a registration, invitation or setup link. The address comes from the link.
 */
export const register = defineAction({
  name: "account.register",
  input: registerSchema,
  scope: anyone(),
  async run({ input: { via, token, ...account }, tx, record }) {
    const email = await provenRegistrationEmail(tx, { via, token });
    const user = await createAccount(tx, { ...account, email, emailVerified: true });
    await record({ type: "user_registered", actingUserId: user.id, userId: user.id, details: { via } });
    return { userId: user.id, email };
  },
  constraints: {
    users_email_unique: { message: NOT_CREATED },
  },
});
