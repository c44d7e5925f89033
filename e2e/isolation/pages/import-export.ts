import type { PageEntry } from "../types";

/** Provider members may import into a client and see why they cannot export it; the internal org is the admin's own. */
const CLIENT_CONSOLE = ["client_owner", "service_user", "provider_admin"] as const;

export const IMPORT_EXPORT_PAGES: PageEntry[] = [
  { path: (t) => `/organizations/${t.client1}/settings/import`, allowed: CLIENT_CONSOLE },
  { path: (t) => `/organizations/${t.client1}/settings/export`, allowed: CLIENT_CONSOLE },
  { path: (t) => `/organizations/${t.internal}/settings/import`, allowed: ["provider_admin"] },
  { path: (t) => `/organizations/${t.internal}/settings/export`, allowed: ["provider_admin"] },
];
