import { Card } from "@/components/ui/card";
import type { OrganizationSummary } from "@/lib/dal/organizations";
import { planLabel } from "@/lib/plans";
import { OrganizationFacts } from "./organization-facts";

/** Plan and seats, and who pays: the managing provider, or the billing email for an organization on its own. */
export function SubscriptionCard({ organization }: { organization: OrganizationSummary }) {
  const billing = organization.providerName
    ? `Managed by ${organization.providerName}`
    : `Billed to ${organization.billingEmail}`;
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">Subscription</h2>
      <p className="mb-4 text-sm text-slate-600">{billing}</p>
      <OrganizationFacts
        facts={[
          { label: "Plan", value: planLabel(organization.planType) },
          { label: "Seats assigned", value: organization.seats },
          { label: "Seats used", value: organization.used },
        ]}
      />
    </Card>
  );
}
