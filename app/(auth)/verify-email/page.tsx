import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { describeEmailToken, EMAIL_TOKEN_PROBLEMS } from "@/lib/dal/email-tokens";
import { emailLinkTokenSchema } from "@/lib/validation/account";
import { VerifyEmailButton } from "./verify-button";

export const metadata: Metadata = { title: "Verify email address" };

/**
 * Where a verification mail's link leads. Verifying takes a press of the button, not the visit alone, so a mail
 * scanner that opens links does not use the link up.
 */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = emailLinkTokenSchema.safeParse((await searchParams).token);
  const link = token.success
    ? await describeEmailToken(token.data, "verification")
    : { email: null, problem: EMAIL_TOKEN_PROBLEMS.invalid };
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">Verify your email address</h1>
      {token.success && link.email ? (
        <VerifyEmailButton token={token.data} email={link.email} />
      ) : (
        <>
          <Alert tone="error">{link.problem}</Alert>
          <p className="mt-4 text-sm text-slate-600">
            A new link can be sent from{" "}
            <Link href="/settings" className="font-semibold text-brand-700 underline">
              your account settings
            </Link>
            .
          </p>
        </>
      )}
    </Card>
  );
}
