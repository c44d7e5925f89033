import type { Metadata } from "next";
import { AppShell } from "@/components/shell/app-shell";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/authz/scope";
import { INVITATION_PROBLEMS } from "@/lib/dal/invitations";
import { listProducts } from "@/lib/dal/products";
import { describeProviderSetup } from "@/lib/dal/provider-setup";
import { invitationTokenSchema } from "@/lib/validation/members";
import { ProviderSetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up provider" };

export default async function ProviderSetupPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const products = await listProducts(user);
  const token = invitationTokenSchema.safeParse((await searchParams).token);
  const link = token.success ? await describeProviderSetup(token.data, user.email) : null;
  const problem = link ? link.problem : "invalid";
  const name = link?.providerName ?? null;

  return (
    <AppShell user={user} products={products} product="Provider Portal">
      <div className="mx-auto max-w-xl">
        <Card>
          <h1 className="mb-1 text-xl font-semibold">Set up your provider</h1>
          {problem || !name || !token.success ? (
            <Alert tone="error" className="mt-4">
              {problem === "wrong_email" && link?.invitedEmail
                ? `This setup link was sent to ${link.invitedEmail}, but you are logged in as ${user.email}. Log out and log in as ${link.invitedEmail}.`
                : INVITATION_PROBLEMS[problem ?? "used"]}
            </Alert>
          ) : (
            <>
              <p className="mb-6 text-sm text-slate-600">
                Name your provider and say where its invoices go. Your browser creates the provider&apos;s encryption
                key; the server only receives it encrypted for you.
              </p>
              <ProviderSetupForm token={token.data} initialName={name} initialBillingEmail={user.email} />
            </>
          )}
        </Card>
      </div>
    </AppShell>
  );
}
