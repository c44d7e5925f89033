import type { PageEntry } from "../types";

/** Client groups decide which clients service users reach (DESIGN §13): provider admins' alone. */
export const PROVIDER_SCOPES_PAGES: PageEntry[] = [
  { path: (t) => `/providers/${t.providerId}/client-groups`, allowed: ["provider_admin"] },
];
