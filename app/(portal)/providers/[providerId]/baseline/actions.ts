"use server";

import { defineAction } from "@/lib/authz/action";
import { provider } from "@/lib/authz/scope-rules";
import { applyBaseline, saveBaselinePolicy, setBaselineTarget } from "@/lib/dal/provider-baselines";
import { reportTwoStepLoginRevocations, revokeClientMembersWithoutTwoStepLogin } from "@/lib/dal/two-step-login-policy";
import {
  applyBaselineSchema,
  updateBaselinePolicySchema,
  updateBaselineTargetSchema,
} from "@/lib/validation/baselines";

/**
 * The policy baseline (provider.baseline.manage, provider admins only): defining it and choosing its clients change
 * no client; applying it changes clients' policies, each in that client's log with the provider's name.
 */

export const updateBaselinePolicyAction = defineAction({
  name: "provider.baseline.updatePolicy",
  input: updateBaselinePolicySchema,
  scope: provider("provider.baseline.manage"),
  async run({ input, scope, tx, record }) {
    await saveBaselinePolicy(tx, scope, input);
    await record({ type: "provider_baseline_policy_updated", details: { type: input.type, enabled: input.enabled } });
    return { type: input.type, enabled: input.enabled };
  },
});

export const updateBaselineTargetAction = defineAction({
  name: "provider.baseline.updateTarget",
  input: updateBaselineTargetSchema,
  scope: provider("provider.baseline.manage"),
  async run({ input, scope, tx, record }) {
    const target = await setBaselineTarget(tx, scope, input);
    await record({ type: "provider_baseline_target_updated", details: target });
    return {};
  },
});

/**
 * Turns on, in one client or in every covered client that drifted, each baseline policy that is off or weaker there.
 * Turning on "require two-step login" revokes the members it binds who lack it, as saving it in the console does.
 */
export const applyBaselineAction = defineAction({
  name: "provider.baseline.apply",
  input: applyBaselineSchema,
  scope: provider("provider.baseline.manage"),
  async run({ input, scope, tx, record, mail }) {
    const changes = await applyBaseline(tx, scope, input.organizationId);
    for (const change of changes) {
      await record({
        type: "policy_updated",
        organizationId: change.organizationId,
        policyId: change.policyId,
        details: { type: change.type, enabled: true, baseline: true },
      });
    }
    const clients = [...new Set(changes.map((change) => change.organizationId))];
    const twoStepTurnedOn = changes
      .filter((change) => change.type === "two_factor_authentication" && !change.wasOn)
      .map((change) => change.organizationId);
    const revoked = await revokeClientMembersWithoutTwoStepLogin(tx, scope, twoStepTurnedOn);
    await reportTwoStepLoginRevocations(revoked, { record, mail });
    await record({
      type: "provider_baseline_applied",
      organizationId: null,
      details: { clients: clients.length, policies: changes.length },
    });
    return { clients: clients.length, policies: changes.length, revoked: revoked.length };
  },
});
