import {
  createProviderApiKeyAction,
  createProviderWebhookAction,
  deleteProviderWebhookAction,
  revokeProviderApiKeyAction,
} from "@/app/(portal)/providers/[providerId]/api-keys/actions";
import { UNKNOWN_ID } from "../../../support/fakes";
import type { IsolationEntry } from "./types";

/**
 * A provider API key acts for every client of the provider: making one is a grant (the escalation matrix tries it),
 * and both are provider admins'. The key to revoke is unknown on purpose: whoever passes the gate gets a 404. Webhooks
 * tell an address of clients and invoices the provider's admins already see: theirs alone, not a grant.
 */
export const PROVIDER_API_KEY_ACTIONS: IsolationEntry[] = [
  {
    name: "provider.apiKeys.create",
    grants: true,
    action: createProviderApiKeyAction,
    allowed: ["provider_admin"],
    input: (demo) => ({ providerId: demo.providerId, name: "Isolation key", access: "read" }),
  },
  {
    name: "provider.apiKeys.revoke",
    grants: false,
    action: revokeProviderApiKeyAction,
    allowed: ["provider_admin"],
    input: (demo) => ({ providerId: demo.providerId, keyId: UNKNOWN_ID }),
  },
  {
    name: "provider.webhooks.create",
    grants: false,
    action: createProviderWebhookAction,
    allowed: ["provider_admin"],
    input: (demo) => ({ providerId: demo.providerId, url: "https://psa.example.com/keyhouse" }),
  },
  {
    name: "provider.webhooks.delete",
    grants: false,
    action: deleteProviderWebhookAction,
    allowed: ["provider_admin"],
    input: (demo) => ({ providerId: demo.providerId, webhookId: UNKNOWN_ID }),
  },
];
