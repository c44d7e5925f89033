"use server";

import { defineAction } from "@/lib/authz/action";
import { requireOrgScope } from "@/lib/authz/scope";
import { savePolicy } from "@/lib/dal/policies";
import { updatePolicySchema } from "@/lib/validation/policies";

/** Turns one policy on or off and saves its options (upsert: a policy exists once per organization and type). */
export const updatePolicyAction = defineAction({
  name: "organization.policies.update",
  input: updatePolicySchema,
  authorize: (input) => requireOrgScope(input.organizationId, "org.policies.manage"),
  async run({ input, scope, tx, record }) {
    const policy = await savePolicy(tx, scope, input);
    await record({ type: "policy_updated", policyId: policy.id, details: { type: input.type, enabled: input.enabled } });
    return { type: input.type, enabled: input.enabled };
  },
});
