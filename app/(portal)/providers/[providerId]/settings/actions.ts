"use server";

import { defineAction } from "@/lib/authz/action";
import { requireProviderScope } from "@/lib/authz/scope";
import { updateProviderSettings } from "@/lib/dal/providers";
import { providerSettingsSchema } from "@/lib/validation/provider";

export const updateProviderSettingsAction = defineAction({
  name: "provider.settings.update",
  input: providerSettingsSchema,
  authorize: (input) => requireProviderScope(input.providerId, "provider.settings.manage"),
  async run({ input, scope, tx, record }) {
    const before = await updateProviderSettings(tx, scope, { name: input.name, billingEmail: input.billingEmail });
    await record({
      type: "provider_updated",
      details: { renamed: before.name !== input.name, billingEmailChanged: before.billingEmail !== input.billingEmail },
    });
    return {};
  },
});
