"use server";

import { defineAction } from "@/lib/authz/action";
import { provider } from "@/lib/authz/scope-rules";
import { setInternalOrganization, updateProviderSettings } from "@/lib/dal/providers";
import { internalOrganizationSchema, providerSettingsSchema } from "@/lib/validation/provider";

export const updateProviderSettingsAction = defineAction({
  name: "provider.settings.update",
  input: providerSettingsSchema,
  scope: provider("provider.settings.manage"),
  async run({ input, scope, tx, record }) {
    const before = await updateProviderSettings(tx, scope, { name: input.name, billingEmail: input.billingEmail });
    await record({
      type: "provider_updated",
      details: { renamed: before.name !== input.name, billingEmailChanged: before.billingEmail !== input.billingEmail },
    });
    return {};
  },
});

export const setInternalOrganizationAction = defineAction({
  name: "provider.settings.internalOrganization",
  input: internalOrganizationSchema,
  scope: provider("provider.settings.manage"),
  async run({ input, scope, tx, record }) {
    const { before } = await setInternalOrganization(tx, scope, input.organizationId);
    await record({
      type: "provider_internal_organization_set",
      organizationId: input.organizationId,
      details: { previous: before },
    });
    return {};
  },
  constraints: {
    provider_organizations_not_internal: {
      field: "organizationId",
      message: "A client organization cannot be the provider's internal organization.",
    },
  },
});
