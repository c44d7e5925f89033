"use server";

import { defineAction } from "@/lib/authz/action";
import { org } from "@/lib/authz/scope-rules";
import { savePolicy } from "@/lib/dal/policies";
import { reportTwoStepLoginRevocations, revokeMembersWithoutTwoStepLogin } from "@/lib/dal/two-step-login-policy";
import { updatePolicySchema } from "@/lib/validation/policies";

/**
 * Turns one policy on or off and saves its options (upsert: a policy exists once per organization and type).
 * "Require two-step login" on revokes the members it binds who lack two-step login, in the same transaction.
 */
export const updatePolicyAction = defineAction({
  name: "organization.policies.update",
  input: updatePolicySchema,
  scope: org("org.policies.manage"),
  async run({ input, scope, tx, record, mail }) {
    const policy = await savePolicy(tx, scope, input);
    await record({
      type: "policy_updated",
      policyId: policy.id,
      details: { type: input.type, enabled: input.enabled },
    });
    const revoked =
      input.type === "two_factor_authentication" && input.enabled
        ? await revokeMembersWithoutTwoStepLogin(tx, scope)
        : [];
    await reportTwoStepLoginRevocations(revoked, { record, mail });
    return { type: input.type, enabled: input.enabled };
  },
});
