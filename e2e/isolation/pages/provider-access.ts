import type { PageEntry } from "../types";

/**
 * Client-approved item access (issue 15): the requests page is for a client's owners and admins and for its
 * provider's members (each sees what concerns them); the standing rule in Settings is the owner's alone, and so is
 * the choice of provider (Settings → Provider).
 */
export const PROVIDER_ACCESS_PAGES: PageEntry[] = [
  {
    path: (t) => `/organizations/${t.client1}/provider-access`,
    allowed: ["client_owner", "service_user", "provider_admin"],
  },
  {
    path: (t) => `/organizations/${t.client2}/provider-access`,
    allowed: ["other_client_owner", "service_user", "provider_admin"],
  },
  { path: (t) => `/organizations/${t.client1}/settings/provider-access`, allowed: ["client_owner"] },
  { path: (t) => `/organizations/${t.client2}/settings/provider-access`, allowed: ["other_client_owner"] },
  // Moving to another provider is the owner's alone (the provider's members never move a client).
  { path: (t) => `/organizations/${t.client1}/settings/provider`, allowed: ["client_owner"] },
  { path: (t) => `/organizations/${t.client2}/settings/provider`, allowed: ["other_client_owner"] },
];
