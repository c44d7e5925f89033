import type { Metadata } from "next";
import { NameAndBillingEmailForm } from "@/components/forms/name-and-billing-email-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { scopeHolds } from "@/lib/authz/console-sections";
import { requireOrgScope } from "@/lib/authz/scope";
import { getOrganization } from "@/lib/dal/organizations";
import { DeleteOrganization } from "./delete-organization";
import { updateOrganizationSettingsAction } from "./actions";
import { OrganizationFacts } from "./organization-facts";
import { SubscriptionCard } from "./subscription-card";

export const metadata: Metadata = { title: "Organization info" };

/** Everyone in the console reads the organization's info; owners and the managing provider change it; owners delete it. */
export default async function OrganizationInfoPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.console.access");
  const organization = await getOrganization(scope);
  return (
    <>
      <PageHeader
        title="Organization info"
        description="The organization's name, where its bills go, and its subscription."
      />
      <div className="flex max-w-2xl flex-col gap-6">
        <Card>
          <h2 className="mb-4 text-lg font-semibold">General</h2>
          {scopeHolds(scope, "org.settings.manage") ? (
            <NameAndBillingEmailForm
              action={updateOrganizationSettingsAction}
              tenant={{ organizationId: organization.id }}
              nameLabel="Organization name"
              nameInMessages="Name"
              initial={{ name: organization.name, billingEmail: organization.billingEmail }}
              saved="Organization info saved."
            />
          ) : (
            <OrganizationFacts
              facts={[
                { label: "Organization name", value: organization.name },
                { label: "Billing email", value: organization.billingEmail },
              ]}
            />
          )}
        </Card>
        <SubscriptionCard organization={organization} />
        {scopeHolds(scope, "org.delete") ? (
          <DeleteOrganization organizationId={organization.id} name={organization.name} />
        ) : null}
      </div>
    </>
  );
}
