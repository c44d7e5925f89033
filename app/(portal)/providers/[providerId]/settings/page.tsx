import type { Metadata } from "next";
import { NameAndBillingEmailForm } from "@/components/forms/name-and-billing-email-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireProviderScope } from "@/lib/authz/scope";
import { getInternalOrganization, listInternalCandidates } from "@/lib/dal/providers";
import { updateProviderSettingsAction } from "./actions";
import { InternalOrganizationForm } from "./internal-organization-form";

export const metadata: Metadata = { title: "Provider settings" };

export default async function ProviderSettingsPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const scope = await requireProviderScope(providerId, "provider.settings.manage");
  const { provider } = scope;
  const [internal, candidates] = await Promise.all([getInternalOrganization(scope), listInternalCandidates(scope)]);
  return (
    <>
      <PageHeader title="Settings" description="How your provider is named, and where its invoices go." />
      <div className="flex max-w-xl flex-col gap-6">
        <Card>
          <NameAndBillingEmailForm
            action={updateProviderSettingsAction}
            tenant={{ providerId: provider.id }}
            nameLabel="Provider name"
            initial={{ name: provider.name, billingEmail: provider.billingEmail ?? "" }}
            saved="Provider settings saved."
          />
        </Card>
        <Card>
          <h2 className="mb-1 text-lg font-semibold text-slate-900">Internal organization</h2>
          <p className="mb-4 text-sm text-slate-600">
            Your provider&apos;s own organization, for your team&apos;s credentials. It is never a client: it is not
            billed to the provider, and your service users get no access to it through the provider.
          </p>
          <InternalOrganizationForm providerId={provider.id} current={internal} candidates={candidates} />
        </Card>
      </div>
    </>
  );
}
