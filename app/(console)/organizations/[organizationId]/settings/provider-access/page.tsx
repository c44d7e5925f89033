import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgScope } from "@/lib/authz/scope";
import { getProviderAccessSettings } from "@/lib/dal/provider-access";
import { ProviderAccessRuleForm } from "./rule-form";

export const metadata: Metadata = { title: "Provider access" };

/** The owner's standing rule for the managing provider's requests to read items (issue 15). */
export default async function ProviderAccessSettingsPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.provider_access.rule");
  const settings = await getProviderAccessSettings(scope);
  return (
    <>
      <PageHeader
        title="Provider access"
        description="Whether members of your provider may read this organization's items, and who approves it. Whatever the rule, every view, copy and change they make is in your event log."
      />
      {settings ? (
        <ProviderAccessRuleForm organizationId={organizationId} settings={settings} />
      ) : (
        <EmptyState title="No provider manages this organization." />
      )}
    </>
  );
}
