"use server";

import { defineAction } from "@/lib/authz/action";
import { provider } from "@/lib/authz/scope-rules";
import { createProviderApiKey, revokeProviderApiKey } from "@/lib/dal/provider-api-keys";
import { createProviderApiKeySchema, revokeProviderApiKeySchema } from "@/lib/validation/provider-api-keys";

/** Provider API keys act for the whole provider: provider admins alone make and revoke them. */

export const createProviderApiKeyAction = defineAction({
  name: "provider.apiKeys.create",
  input: createProviderApiKeySchema,
  scope: provider("provider.api_keys.manage"),
  async run({ input, scope, tx, record }) {
    const created = await createProviderApiKey(tx, scope, input);
    await record({
      type: "provider_api_key_created",
      details: { keyId: created.id, name: input.name, access: input.access },
    });
    return { key: created.key };
  },
});

export const revokeProviderApiKeyAction = defineAction({
  name: "provider.apiKeys.revoke",
  input: revokeProviderApiKeySchema,
  scope: provider("provider.api_keys.manage"),
  async run({ input, scope, tx, record }) {
    const revoked = await revokeProviderApiKey(tx, scope, input.keyId);
    await record({ type: "provider_api_key_revoked", details: { keyId: input.keyId, name: revoked.name } });
    return { name: revoked.name };
  },
});
