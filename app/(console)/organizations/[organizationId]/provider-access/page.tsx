import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { scopeHolds } from "@/lib/authz/console-sections";
import { requireOrgScope } from "@/lib/authz/scope";
import { getClientProvider } from "@/lib/dal/client-provider";
import { getOrganization } from "@/lib/dal/organizations";
import {
  getProviderAccessSettings,
  listCollectionChoices,
  listProviderAccessRequests,
} from "@/lib/dal/provider-access";
import { ProviderReach } from "./provider-reach";
import { RequestAccessForm } from "./request-access-form";
import { RequestsTable } from "./requests-table";

export const metadata: Metadata = { title: "Provider access" };

const RULE_SENTENCES = {
  never: "never lets its provider read its items",
  ask: "asks its owners and admins to approve each request",
  named: "approves named technicians at once and asks for everyone else",
} as const;

/**
 * Client-approved access to the organization's items (issue 15): a provider member asks here and follows their own
 * requests; the organization's owners and admins answer them here, and see who at the provider reaches them.
 */
export default async function ProviderAccessPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.provider_access.view");
  const [organization, settings, requests] = await Promise.all([
    getOrganization(scope),
    getProviderAccessSettings(scope),
    listProviderAccessRequests(scope),
  ]);
  if (!settings)
    return (
      <>
        <PageHeader title="Provider access" />
        <EmptyState title="No provider manages this organization.">
          When a provider manages it, its members can ask here to read the organization&apos;s items for a while.
        </EmptyState>
      </>
    );
  const asProvider = scope.access.via === "provider";
  const provider = asProvider ? null : await getClientProvider(scope);
  const rule = `${organization.name} ${RULE_SENTENCES[settings.rule]}.`;
  return (
    <>
      <PageHeader
        title="Provider access"
        description={
          asProvider
            ? `Members of ${settings.providerName} do not see ${organization.name}'s items unless its owners or admins approve a request, for a time they choose. ${rule}`
            : `${settings.providerName} manages this organization but does not see its items. Its members can ask for access for a while; you approve, shorten, limit to viewing or deny. ${rule}`
        }
      />
      {asProvider ? (
        settings.rule === "never" ? null : (
          <RequestAccessForm
            organizationId={organizationId}
            organizationName={organization.name}
            collections={await listCollectionChoices(scope)}
          />
        )
      ) : (
        <>
          {provider ? (
            <ProviderReach
              organizationId={organizationId}
              organizationName={organization.name}
              provider={provider}
              eventsVisible={scopeHolds(scope, "org.events.view")}
            />
          ) : null}
          {scopeHolds(scope, "org.provider_access.rule") ? (
            <p className="mb-4 text-sm text-slate-600">
              <Link
                className="text-brand-700 underline"
                href={`/organizations/${organizationId}/settings/provider-access`}
              >
                Change the rule in Settings
              </Link>
            </p>
          ) : null}
        </>
      )}
      <RequestsTable organizationId={organizationId} requests={requests} asProvider={asProvider} />
    </>
  );
}
