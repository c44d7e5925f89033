"use server";

import { defineAction } from "@/lib/authz/action";
import { user } from "@/lib/authz/scope-rules";
import { verifyEmailByAcceptedLink } from "@/lib/dal/accounts";
import { consumeInvitation } from "@/lib/dal/invitations";
import { completeProviderSetup } from "@/lib/dal/provider-members";
import { providerSetupSchema } from "@/lib/validation/provider-members";

/** The owner named by the operator sets the provider up; their browser made the provider key. */
export const setUpProvider = defineAction({
  name: "provider.setup",
  input: providerSetupSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const invitation = await consumeInvitation(tx, input.token, "provider_setup", scope.email);
    await verifyEmailByAcceptedLink(tx, invitation.email, record);
    const { providerId, providerUserId } = await completeProviderSetup(tx, scope, invitation.providerId!, input);
    await record({ type: "provider_setup_completed", providerId, providerUserId });
    return { providerId };
  },
});
