import type { PageEntry } from "../types";

/**
 * Client groups decide which clients service users reach (DESIGN §13), the policy baseline changes every client at
 * once, and an API key acts for every client: provider admins' alone.
 */
export const PROVIDER_SCOPES_PAGES: PageEntry[] = [
  { path: (t) => `/providers/${t.providerId}/client-groups`, allowed: ["provider_admin"] },
  { path: (t) => `/providers/${t.providerId}/baseline`, allowed: ["provider_admin"] },
  { path: (t) => `/providers/${t.providerId}/api-keys`, allowed: ["provider_admin"] },
];
