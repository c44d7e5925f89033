import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { policiesForInvitation } from "@/lib/dal/policies";
import { describeRegistrationProof } from "@/lib/dal/registration";
import { safeReturnPath } from "@/lib/safe-redirect";
import { emailLinkTokenSchema, type RegistrationProof } from "@/lib/validation/account";
import { FinishRegistrationForm } from "./finish-form";
import { StartRegistrationForm } from "./start-form";

export const metadata: Metadata = { title: "Create account" };

/**
 * Registration starts by mail. Someone who followed an invitation or setup link here already proved their address
 * with it, so they finish at once (the link's address is the account's), then return to accept it.
 */
export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const returnTo = safeReturnPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getSession()) redirect(returnTo);
  const proof = invitationProof(returnTo);
  const invited = proof ? await describeRegistrationProof(proof) : null;
  if (proof && invited?.email) {
    const masterPasswordPolicy = proof.via === "organization_user" ? await policiesForInvitation(proof.token) : null;
    return (
      <FinishRegistrationForm
        email={invited.email}
        proof={proof}
        returnTo={returnTo}
        masterPasswordPolicy={masterPasswordPolicy}
      />
    );
  }
  const email = typeof params.email === "string" ? params.email : "";
  return <StartRegistrationForm initialEmail={email} returnTo={returnTo} />;
}

const LINKS: Record<string, RegistrationProof["via"]> = {
  "/accept/organization": "organization_user",
  "/accept/provider": "provider_user",
  "/providers/setup": "provider_setup",
};

/** The invitation or setup link this registration returns to, whose token proves the address. */
function invitationProof(returnTo: string): RegistrationProof | null {
  const url = new URL(returnTo, "http://keyhouse.invalid");
  const via = LINKS[url.pathname];
  const token = emailLinkTokenSchema.safeParse(url.searchParams.get("token"));
  return via && token.success ? { via, token: token.data } : null;
}
