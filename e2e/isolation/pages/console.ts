import { type PageEntry, type PageRole, SIGNED_IN } from "../types";

/** Console rights in "My Client's Organization": its owner and the managing provider's members. */
const CLIENT1_CONSOLE: readonly PageRole[] = ["client_owner", "service_user", "provider_admin"];

export const CONSOLE_PAGES: PageEntry[] = [
  { path: () => "/create-organization", allowed: SIGNED_IN },
  { path: () => "/become-a-provider", allowed: SIGNED_IN },
  { path: (t) => `/organizations/${t.client1}/collections`, allowed: CLIENT1_CONSOLE },
  { path: (t) => `/organizations/${t.client1}/groups`, allowed: CLIENT1_CONSOLE },
  { path: (t) => `/organizations/${t.internal}/collections`, allowed: ["provider_admin"] },
];
