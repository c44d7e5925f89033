"use server";

import { defineAction } from "@/lib/authz/action";
import { provider } from "@/lib/authz/scope-rules";
import { storeFirstProviderKey } from "@/lib/dal/provider-members";
import { providerKeySchema } from "@/lib/validation/provider-members";

/** The first admin of an approved request stores the provider key their browser made (DESIGN §11). */
export const createProviderKeyAction = defineAction({
  name: "provider.key.create",
  input: providerKeySchema,
  scope: provider("provider.settings.manage"),
  async run({ input, scope, tx, record }) {
    await storeFirstProviderKey(tx, scope, input.key);
    await record({ type: "provider_key_created", providerUserId: scope.providerUserId });
    return {};
  },
});
