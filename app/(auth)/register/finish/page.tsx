import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getSession } from "@/lib/auth/session";
import { EMAIL_TOKEN_PROBLEMS } from "@/lib/dal/email-tokens";
import { describeRegistrationProof } from "@/lib/dal/registration";
import { emailLinkTokenSchema } from "@/lib/validation/account";
import { FinishRegistrationForm } from "../finish-form";

export const metadata: Metadata = { title: "Create account" };

/** Where the registration mail's link leads: the link proved the address, so the master password is all that is left. */
export default async function FinishRegistrationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const session = await getSession();
  if (session) {
    // The link stays unused: its address may be someone else's than the signed-in account's.
    return (
      <Card>
        <h1 className="mb-4 text-xl font-semibold">Create account</h1>
        <Alert tone="info">
          You are logged in as {session.email}. Log out first to create an account with this link.
        </Alert>
        <Link href="/vault" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
          Go to your vault
        </Link>
      </Card>
    );
  }
  const token = emailLinkTokenSchema.safeParse(params.token);
  const link = token.success
    ? await describeRegistrationProof({ via: "registration", token: token.data })
    : { email: null, problem: EMAIL_TOKEN_PROBLEMS.invalid };
  if (!token.success || !link.email) {
    return (
      <Card>
        <h1 className="mb-4 text-xl font-semibold">Create account</h1>
        <Alert tone="error">{link.problem}</Alert>
        <Link href="/register" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
          Start again
        </Link>
      </Card>
    );
  }
  const name = typeof params.name === "string" ? params.name : "";
  return (
    <FinishRegistrationForm
      email={link.email}
      proof={{ via: "registration", token: token.data }}
      initialName={name}
      returnTo="/vault"
      masterPasswordPolicy={null}
    />
  );
}
