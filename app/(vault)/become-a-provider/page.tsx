import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/authz/scope";
import { internalOrganizationChoices } from "@/lib/dal/internal-organizations";
import { findMyLatestProviderRequest, type MyProviderRequest } from "@/lib/dal/provider-requests";
import { REQUESTABLE_PROVIDER_TYPES } from "@/lib/validation/provider-requests";
import { BecomeProviderForm } from "./become-provider-form";
import { WithdrawRequestButton } from "./withdraw-request-button";

export const metadata: Metadata = { title: "Become a provider" };

/**
 * The way in for a business that wants to manage clients (DESIGN §11): the prerequisites, then a request an operator
 * of this installation reviews.
 */
export default async function BecomeProviderPage() {
  const user = await requireUser();
  const [request, choices] = await Promise.all([findMyLatestProviderRequest(user), internalOrganizationChoices(user)]);
  const eligible = choices.filter((choice) => choice.problem === null);
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="Become a provider"
        description="Run your clients' organizations from one Provider Portal: create clients, manage their members and policies, and bill them per seat."
      />
      <Card className="mb-6">
        <h2 className="mb-2 text-lg font-semibold text-slate-900">Before you start</h2>
        <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm text-slate-700">
          <li>
            <strong>An Enterprise organization of your own</strong>, that you own and that is nobody&apos;s client. It
            becomes your provider&apos;s internal organization: your team&apos;s own vault, kept apart from your clients
            and never billed as one.
          </li>
          <li>
            <strong>A client ready to onboard.</strong> Once approved, you create it (or add an organization you own)
            from the Provider Portal.
          </li>
        </ol>
      </Card>
      {request?.status === "pending" ? (
        <PendingRequest request={request} />
      ) : request?.status === "approved" && request.providerId ? (
        <Alert tone="success" title={`${request.businessName} is a provider`}>
          <p className="mt-1">An operator approved your request. Open the Provider Portal to finish setting it up.</p>
          <Link href={`/providers/${request.providerId}`} className={buttonClasses("primary", "mt-3")}>
            Open the Provider Portal
          </Link>
        </Alert>
      ) : (
        <>
          {request?.status === "rejected" ? (
            <Alert tone="warning" title={`Your request for ${request.businessName} was not approved`} className="mb-6">
              <p className="mt-1">The operator&apos;s reason: {request.reason}</p>
              <p className="mt-1">You can send a new request below.</p>
            </Alert>
          ) : null}
          {!user.emailVerified ? (
            <Alert tone="warning" title="Verify your email address first" className="mb-6">
              An operator needs to know the address is yours.{" "}
              <Link href="/settings" className="font-semibold underline">
                Verify it in Settings
              </Link>
              .
            </Alert>
          ) : null}
          {eligible.length === 0 ? (
            <MissingOrganization
              problems={choices
                .map((choice) => choice.problem)
                .filter((problem): problem is string => problem !== null)}
            />
          ) : (
            <Card>
              <h2 className="mb-4 text-lg font-semibold text-slate-900">Your request</h2>
              <BecomeProviderForm organizations={eligible} billingEmail={user.email} disabled={!user.emailVerified} />
            </Card>
          )}
        </>
      )}
    </div>
  );
}

function PendingRequest({ request }: { request: MyProviderRequest }) {
  const details: [string, string][] = [
    ["Business", request.businessName],
    ["Type", request.type === "business_unit" ? "Business unit" : REQUESTABLE_PROVIDER_TYPES[request.type]],
    ["Billing email", request.billingEmail],
    ["Internal organization", request.organizationName],
    ["First client", request.firstClientName ?? "—"],
    ["Sent", request.createdAt.toISOString().slice(0, 10)],
  ];
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold text-slate-900">Your request is waiting for review</h2>
      <p className="mb-4 text-sm text-slate-600">
        An operator of this installation reviews it. You get a mail when they decide.
      </p>
      <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {details.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-600">{term}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <WithdrawRequestButton requestId={request.id} businessName={request.businessName} />
    </Card>
  );
}

function MissingOrganization({ problems }: { problems: string[] }) {
  return (
    <Alert tone="warning" title="You have no organization that can be your provider's internal one">
      {problems.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-1">You own no organization yet.</p>
      )}
      <p className="mt-2">Create an Enterprise organization, then come back to this page.</p>
      <Link href="/create-organization?for=provider" className={buttonClasses("primary", "mt-3")}>
        Create an Enterprise organization
      </Link>
    </Alert>
  );
}
