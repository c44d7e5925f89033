import { type PageEntry, SIGNED_IN } from "../types";

export const CORE_PAGES: PageEntry[] = [
  { path: () => "/vault", allowed: SIGNED_IN },
  { path: () => "/settings", allowed: SIGNED_IN },
  { path: () => "/providers", allowed: SIGNED_IN },
  { path: (t) => `/providers/${t.providerId}/clients`, allowed: ["service_user", "provider_admin"] },
];
