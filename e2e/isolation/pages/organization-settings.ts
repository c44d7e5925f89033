import type { PageEntry, PageRole } from "../types";

/** Console rights in "My Client's Organization": its owner and the managing provider's members. */
const CLIENT1_CONSOLE: readonly PageRole[] = ["client_owner", "service_user", "provider_admin"];

/** Organization info is open to everyone in the console (the page itself shows or hides what they may change). */
export const ORGANIZATION_SETTINGS_PAGES: PageEntry[] = [
  { path: (t) => `/organizations/${t.client1}/settings/info`, allowed: CLIENT1_CONSOLE },
  {
    path: (t) => `/organizations/${t.client2}/settings/info`,
    allowed: ["other_client_owner", "service_user", "provider_admin"],
  },
  // The provider's internal organization is no client: only its owner (the provider admin) gets in.
  { path: (t) => `/organizations/${t.internal}/settings/info`, allowed: ["provider_admin"] },
];
