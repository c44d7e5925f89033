import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgScope } from "@/lib/authz/scope";
import { getOrganization } from "@/lib/dal/organizations";
import { listOrganizationPolicies } from "@/lib/dal/policies";
import { PoliciesTable } from "@/components/policies/policies-table";
import { updatePolicySchema } from "@/lib/validation/policies";
import { updatePolicyAction } from "./actions";

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
      <PoliciesTable
        caption={`Policies of ${organization.name}`}
        policies={policies}
        status={{ heading: "Status", on: "On", off: "Off" }}
        tenant={{ organizationId: organization.id }}
        action={updatePolicyAction}
        schema={updatePolicySchema}
      />
    </>
  );
}
