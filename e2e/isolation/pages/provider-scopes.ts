import type { PageEntry } from "../types";

/**
 * Client groups decide which clients service users reach (DESIGN §13), and the policy baseline changes every client
 * at once: provider admins' alone.
 */
export const PROVIDER_SCOPES_PAGES: PageEntry[] = [
  { path: (t) => `/providers/${t.providerId}/client-groups`, allowed: ["provider_admin"] },
  { path: (t) => `/providers/${t.providerId}/baseline`, allowed: ["provider_admin"] },
];
