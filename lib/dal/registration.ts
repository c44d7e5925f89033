import "server-only";
import { type Executor, getDb } from "@/db/client";
import { ActionError } from "@/lib/authz/action-error";
import type { RegistrationProof } from "@/lib/validation/account";
import { consumeEmailToken, describeEmailToken } from "./email-tokens";
import { findInvitation, INVITATION_PROBLEMS, invitationProblem } from "./invitations";

/**
 * An account is made only for an address a followed link proved (DESIGN §11), so it is verified from the start.
 * The mailed registration link is used up here. An invitation or setup link only proves the address: it stays
 * valid, and the new account accepts it next, exactly as an existing account would.
 */
export async function provenRegistrationEmail(tx: Executor, proof: RegistrationProof): Promise<string> {
  if (proof.via === "registration") return (await consumeEmailToken(tx, proof.token, "registration")).email;
  const invitation = await findInvitation(tx, proof.token, { lock: true });
  const problem = invitationProblem(invitation, proof.via, null);
  if (problem) throw new ActionError(INVITATION_PROBLEMS[problem]);
  return invitation!.email;
}

/** For the registration pages: the address a link would create an account for, or what is wrong with the link. */
export async function describeRegistrationProof(
  proof: RegistrationProof,
): Promise<{ email: string | null; problem: string | null }> {
  if (proof.via === "registration") return describeEmailToken(proof.token, "registration");
  const invitation = await findInvitation(await getDb(), proof.token);
  const problem = invitationProblem(invitation, proof.via, null);
  return problem ? { email: null, problem: INVITATION_PROBLEMS[problem] } : { email: invitation!.email, problem: null };
}
