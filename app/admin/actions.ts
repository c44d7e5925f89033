"use server";

import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { operator } from "@/lib/authz/scope-rules";
import {
  countProviderClients,
  lockProviderForOperator,
  recomputePurchasedSeats,
  setProviderPlanMinimums,
  updateProviderEnabled,
} from "@/lib/dal/operator";
import { approveProviderRequest, rejectProviderRequest } from "@/lib/operator/provider-requests";
import { createPendingProvider } from "@/lib/operator/providers";
import { setProviderEnabledSchema, updateProviderPlansSchema } from "@/lib/validation/operator";
import { createProviderSchema } from "@/lib/validation/provider";
import { providerRequestIdSchema, rejectProviderRequestSchema } from "@/lib/validation/provider-requests";

const NO_SUCH_PROVIDER = "This provider does not exist. Reload the page to see the current list.";

/** Creates a pending provider and mails its owner the setup link, as `npm run admin -- create-provider` does. */
export const createProvider = defineAction({
  name: "operator.provider.create",
  input: createProviderSchema,
  scope: operator(),
  async run({ input, tx, record, mail }) {
    // The setup link stays in the owner's mail: it is a single-use secret and the operator does not need it.
    const { providerId } = await createPendingProvider({ tx, record, mail }, input);
    return { providerId, name: input.name, ownerEmail: input.ownerEmail };
  },
});

/** Sets both plans' seat minimums, and the seats purchased above them. */
export const updateProviderPlans = defineAction({
  name: "operator.provider.updatePlans",
  input: updateProviderPlansSchema,
  scope: operator(),
  async run({ input, scope, tx, record }) {
    const provider = await lockProviderForOperator(scope, tx, input.providerId);
    if (!provider) throw new ActionError(NO_SUCH_PROVIDER);
    await setProviderPlanMinimums(scope, tx, input);
    await recomputePurchasedSeats(scope, tx, input.providerId);
    await record({
      type: "provider_plan_updated",
      providerId: input.providerId,
      details: {
        teamsMinimum: input.teamsMinimum,
        enterpriseMinimum: input.enterpriseMinimum,
        ...(input.billingBasis ? { billingBasis: input.billingBasis } : {}),
      },
    });
    return { name: provider.name };
  },
});

/** Disables a provider, and with it all its clients, or enables it again, which restores them. */
export const setProviderEnabled = defineAction({
  name: "operator.provider.setEnabled",
  input: setProviderEnabledSchema,
  scope: operator(),
  async run({ input, scope, tx, record }) {
    const provider = await updateProviderEnabled(scope, tx, input.providerId, input.enabled);
    if (!provider) throw new ActionError(NO_SUCH_PROVIDER);
    const clients = await countProviderClients(scope, tx, input.providerId);
    await record({
      type: input.enabled ? "provider_enabled" : "provider_disabled",
      providerId: input.providerId,
      details: { clients },
    });
    return { name: provider.name, enabled: input.enabled, clients };
  },
});

/** Approves a "Become a provider" request, as `npm run admin -- approve-provider-request` does. */
export const approveProviderRequestAction = defineAction({
  name: "operator.providerRequest.approve",
  input: providerRequestIdSchema,
  scope: operator(),
  async run({ input, tx, record, mail }) {
    const approved = await approveProviderRequest({ tx, record, mail }, input.requestId);
    return { providerId: approved.providerId, businessName: approved.businessName };
  },
  constraints: {
    providers_internal_organization: {
      message: "This organization is already another provider's internal organization.",
    },
    provider_organizations_not_internal: {
      message: "This organization is a client: it cannot be a provider's internal organization.",
    },
  },
});

/** Rejects a "Become a provider" request; the reason is mailed to the requester. */
export const rejectProviderRequestAction = defineAction({
  name: "operator.providerRequest.reject",
  input: rejectProviderRequestSchema,
  scope: operator(),
  async run({ input, tx, record, mail }) {
    const rejected = await rejectProviderRequest({ tx, record, mail }, input.requestId, input.reason);
    return { businessName: rejected.businessName };
  },
});
