import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgScope } from "@/lib/authz/scope";
import { getOrganization } from "@/lib/dal/organizations";
import { planLabel } from "@/lib/plans";

export const metadata: Metadata = { title: "Organization overview" };

export default async function OverviewPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const organization = await getOrganization(await requireOrgScope(organizationId, "org.console.access"));
  const facts = [
    { label: "Plan", value: planLabel(organization.planType) },
    { label: "Seats", value: `${organization.used} of ${organization.seats} in use` },
    { label: "Billing email", value: organization.billingEmail },
    { label: "Managed by", value: organization.providerName ?? "Its owners" },
  ];
  return (
    <>
      <PageHeader title={organization.name} description="Admin Console" />
      <Card>
        <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          {facts.map((fact) => (
            <div key={fact.label} className="contents">
              <dt className="text-slate-600">{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
