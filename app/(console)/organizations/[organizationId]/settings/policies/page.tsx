import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgScope } from "@/lib/authz/scope";
import { getOrganization } from "@/lib/dal/organizations";
import { listOrganizationPolicies } from "@/lib/dal/policies";
import { OrganizationPolicies } from "./organization-policies";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.policies.manage");
  const [organization, policies] = await Promise.all([getOrganization(scope), listOrganizationPolicies(scope)]);
  return (
    <>
      <PageHeader
        title="Policies"
        description={`Rules for the members of ${organization.name}. Set them before you invite people: some apply only from the moment a person joins.`}
      />
      <OrganizationPolicies organization={{ id: organization.id, name: organization.name }} policies={policies} />
    </>
  );
}
