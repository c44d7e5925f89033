import type { PageEntry } from "../types";

/** The policies page needs `org.policies.manage`: a client's owner and its provider's members. */
export const POLICIES_PAGES: PageEntry[] = [
  {
    path: (t) => `/organizations/${t.client1}/settings/policies`,
    allowed: ["client_owner", "service_user", "provider_admin"],
  },
  {
    path: (t) => `/organizations/${t.client2}/settings/policies`,
    allowed: ["other_client_owner", "service_user", "provider_admin"],
  },
];
