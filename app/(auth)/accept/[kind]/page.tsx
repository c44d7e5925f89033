import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { getSession } from "@/lib/auth/session";
import { describeInvitation, INVITATION_PROBLEMS, type InvitationSummary } from "@/lib/dal/invitations";
import { policiesForInvitation } from "@/lib/dal/policies";
import { invitationTokenSchema } from "@/lib/validation/members";
import { AcceptInvitationButton } from "./accept-button";

export const metadata: Metadata = { title: "Accept invitation" };

const KINDS = { provider: "provider_user", organization: "organization_user" } as const;
type Kind = keyof typeof KINDS;

type Props = {
  params: Promise<{ kind: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AcceptPage({ params, searchParams }: Props) {
  const { kind } = await params;
  if (kind !== "provider" && kind !== "organization") notFound();
  const token = invitationTokenSchema.safeParse((await searchParams).token);
  const session = await getSession();
  const invitation: InvitationSummary = token.success
    ? await describeInvitation(token.data, KINDS[kind], session?.email ?? null)
    : { problem: "invalid", email: null, tenantName: null };
  const here = `/accept/${kind}?token=${token.success ? token.data : ""}`;
  // Joining an organization with master password requirements: the browser checks the member's password first.
  const masterPasswordPolicy =
    kind === "organization" && token.success && session && !invitation.problem
      ? await policiesForInvitation(token.data)
      : null;

  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">
        {invitation.tenantName ? `Join ${invitation.tenantName}` : "Invitation"}
      </h1>
      {invitation.problem && !(invitation.problem === "wrong_email" && !session) ? (
        <Problem invitation={invitation} signedInAs={session?.email ?? null} />
      ) : session ? (
        <>
          <p className="mb-6 text-sm text-slate-600">
            You were invited to {describeKind(kind)} <strong>{invitation.tenantName}</strong>. After you accept, an
            administrator confirms you, and then you have access.
          </p>
          <AcceptInvitationButton
            kind={kind}
            token={token.success ? token.data : ""}
            masterPasswordPolicy={masterPasswordPolicy}
            person={{ email: session.email, name: session.name }}
          />
        </>
      ) : (
        <SignInFirst invitation={invitation} returnTo={here} />
      )}
    </Card>
  );
}

function describeKind(kind: Kind): string {
  return kind === "provider" ? "the provider" : "the organization";
}

function Problem({ invitation, signedInAs }: { invitation: InvitationSummary; signedInAs: string | null }) {
  const message =
    invitation.problem === "wrong_email" && invitation.email
      ? `This invitation was sent to ${invitation.email}, but you are logged in as ${signedInAs}. Log out and log in as ${invitation.email} to accept it.`
      : INVITATION_PROBLEMS[invitation.problem!];
  return (
    <div className="mt-4 flex flex-col gap-4">
      <Alert tone="error">{message}</Alert>
      <Link href="/vault" className="text-sm font-semibold text-brand-700 underline">
        Go to your vault
      </Link>
    </div>
  );
}

/** Creating an account from here needs no mail round trip: this link, sent to the address, already proves it. */
function SignInFirst({ invitation, returnTo }: { invitation: InvitationSummary; returnTo: string }) {
  const email = invitation.email ?? "";
  const callbackUrl = `callbackUrl=${encodeURIComponent(returnTo)}`;
  return (
    <>
      <p className="mb-6 text-sm text-slate-600">
        This invitation is for <strong>{email}</strong>. Log in with that address to accept it, or create an account for
        it first.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href={`/login?email=${encodeURIComponent(email)}&${callbackUrl}`} className={buttonClasses("primary")}>
          Log in
        </Link>
        <Link href={`/register?${callbackUrl}`} className={buttonClasses("secondary")}>
          Create account
        </Link>
      </div>
    </>
  );
}
