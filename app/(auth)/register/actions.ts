"use server";

import { defineAction } from "@/lib/authz/action";
import { publicScope } from "@/lib/authz/scope";
import { createAccount } from "@/lib/dal/accounts";
import { registerSchema } from "@/lib/validation/account";

/** Creates an account from keys the browser derived; the server only ever sees the master password hash. */
export const register = defineAction({
  name: "account.register",
  input: registerSchema,
  public: true,
  authorize: async () => publicScope(),
  async run({ input, tx, record }) {
    const user = await createAccount(tx, input);
    await record({ type: "user_registered", actingUserId: user.id, userId: user.id });
    return { userId: user.id };
  },
  constraints: {
    users_email_unique: { field: "email", message: "An account with this email already exists." },
  },
});
