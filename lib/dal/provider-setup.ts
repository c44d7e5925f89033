import "server-only";
import { getDb } from "@/db/client";
import { findInvitation, type InvitationProblem, invitationProblem } from "./invitations";
import { pendingProviderName } from "./provider-members";

export type ProviderSetupLink = {
  problem: InvitationProblem | null;
  /** Whom the link was sent to (shown when someone else is logged in). */
  invitedEmail: string | null;
  /** The pending provider the link sets up, when the link is good. */
  providerName: string | null;
};

/** What the setup page shows for a provider setup link opened by `email`. The token itself is the secret. */
export async function describeProviderSetup(token: string, email: string): Promise<ProviderSetupLink> {
  const invitation = await findInvitation(await getDb(), token);
  const problem = invitationProblem(invitation, "provider_setup", email);
  const providerName = invitation?.providerId && !problem ? await pendingProviderName(invitation.providerId) : null;
  return { problem, invitedEmail: invitation?.email ?? null, providerName };
}
