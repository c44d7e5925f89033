import {
  createProviderApiKeyAction,
  revokeProviderApiKeyAction,
} from "@/app/(portal)/providers/[providerId]/api-keys/actions";
import { UNKNOWN_ID } from "../../../support/fakes";
import type { IsolationEntry } from "./types";

/**
 * A provider API key acts for every client of the provider: making one is a grant (the escalation matrix tries it),
 * and both are provider admins'. The key to revoke is unknown on purpose: whoever passes the gate gets a 404.
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
];
