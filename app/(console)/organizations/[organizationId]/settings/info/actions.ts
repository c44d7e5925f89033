"use server";

import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { org } from "@/lib/authz/scope-rules";
import {
  deleteOrganization,
  lockOrganizationForDeletion,
  updateOrganizationSettings,
} from "@/lib/dal/organization-settings";
import { deleteOrganizationSchema, organizationSettingsSchema } from "@/lib/validation/organization-settings";

const NAME_MISMATCH = "The name you typed does not match the organization's name. Type it exactly as shown.";

export const updateOrganizationSettingsAction = defineAction({
  name: "organization.settings.update",
  input: organizationSettingsSchema,
  scope: org("org.settings.manage"),
  async run({ input, scope, tx, record }) {
    const before = await updateOrganizationSettings(tx, scope, { name: input.name, billingEmail: input.billingEmail });
    await record({
      type: "organization_updated",
      details: { renamed: before.name !== input.name, billingEmailChanged: before.billingEmail !== input.billingEmail },
    });
    return {};
  },
});

export const deleteOrganizationAction = defineAction({
  name: "organization.delete",
  input: deleteOrganizationSchema,
  scope: org("org.delete"),
  async run({ input, scope, tx, record }) {
    const organization = await lockOrganizationForDeletion(tx, scope);
    if (input.confirmName !== organization.name) throw new ActionError(NAME_MISMATCH, { confirmName: NAME_MISMATCH });
    // Recorded first, carrying the organization's id and name: the event outlives the organization.
    await record({ type: "organization_deleted", details: { name: organization.name } });
    await deleteOrganization(tx, scope, organization);
    return {};
  },
});
