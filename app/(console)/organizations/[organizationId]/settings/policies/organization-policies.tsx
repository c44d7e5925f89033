"use client";

import { PoliciesTable } from "@/components/policies/policies-table";
import type { PolicyState } from "@/lib/policies/types";
import { updatePolicySchema } from "@/lib/validation/policies";
import { updatePolicyAction } from "./actions";

/** The organization's policies, on or off, each saved by the console's action (its schema checks in the browser too). */
export function OrganizationPolicies({
  organization,
  policies,
}: {
  organization: { id: string; name: string };
  policies: PolicyState[];
}) {
  return (
    <PoliciesTable
      caption={`Policies of ${organization.name}`}
      policies={policies}
      status={{ heading: "Status", on: "On", off: "Off" }}
      tenant={{ organizationId: organization.id }}
      action={updatePolicyAction}
      schema={updatePolicySchema}
    />
  );
}
