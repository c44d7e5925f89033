import type { PageEntry } from "../types";

/** Billing and the event log are for provider admins only (DESIGN §6); the event CSV export is a GET like a page. */
export const BILLING_EVENTS_PAGES: PageEntry[] = [
  { path: (t) => `/providers/${t.providerId}/billing`, allowed: ["provider_admin"] },
  { path: (t) => `/providers/${t.providerId}/events`, allowed: ["provider_admin"] },
  {
    path: (t) =>
      `/providers/${t.providerId}/events?start=2026-01-01&end=2026-01-31&member=owner&type=collection_created&before=1`,
    allowed: ["provider_admin"],
  },
  { path: (t) => `/providers/${t.providerId}/events/export`, allowed: ["provider_admin"], download: true },
  { path: (t) => `/providers/${t.providerId}/billing/usage/2026-11`, allowed: ["provider_admin"], download: true },
];
