"use server";

import { defineAction } from "@/lib/authz/action";
import { provider } from "@/lib/authz/scope-rules";
import { ActionError } from "@/lib/authz/action-error";
import { createProviderApiKey, revokeProviderApiKey } from "@/lib/dal/provider-api-keys";
import { createProviderWebhook, deleteProviderWebhook } from "@/lib/dal/provider-webhooks";
import { webhooksAllowPrivate } from "@/lib/server/config";
import { webhookPortAllowed } from "@/lib/server/webhooks";
import {
  createProviderApiKeySchema,
  createProviderWebhookSchema,
  deleteProviderWebhookSchema,
  revokeProviderApiKeySchema,
} from "@/lib/validation/provider-api-keys";

/** Provider API keys and webhooks act for the whole provider: provider admins alone make and remove them. */

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

/** An endpoint for the provider's webhooks; answers its signing secret, shown once. */
export const createProviderWebhookAction = defineAction({
  name: "provider.webhooks.create",
  input: createProviderWebhookSchema,
  scope: provider("provider.api_keys.manage"),
  async run({ input, scope, tx, record }) {
    // Deliveries tell of clients and invoices: over the internet, only encrypted (a private network may do without).
    const url = new URL(input.url);
    if (url.protocol !== "https:" && !webhooksAllowPrivate())
      throw new ActionError("Use an https address.", { url: "Use an https address." });
    if (!webhookPortAllowed(url))
      throw new ActionError("Use port 443, 80, or one from 1024 up.", {
        url: "Use port 443, 80, or one from 1024 up.",
      });
    const created = await createProviderWebhook(tx, scope, input.url);
    await record({ type: "provider_webhook_created", details: { webhookId: created.id, url: input.url } });
    return { secret: created.secret };
  },
});

export const deleteProviderWebhookAction = defineAction({
  name: "provider.webhooks.delete",
  input: deleteProviderWebhookSchema,
  scope: provider("provider.api_keys.manage"),
  async run({ input, scope, tx, record }) {
    const deleted = await deleteProviderWebhook(tx, scope, input.webhookId);
    await record({ type: "provider_webhook_deleted", details: { webhookId: input.webhookId, url: deleted.url } });
    return { url: deleted.url };
  },
});
