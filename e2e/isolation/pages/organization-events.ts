import type { PageEntry, PageRole } from "../types";

/** The event log needs org.events.view: owners, admins and the managing provider's members. */
const CLIENT1_EVENTS: readonly PageRole[] = ["client_owner", "service_user", "provider_admin"];

/** The CSV export is a GET like a page, with the same audience. */
export const ORGANIZATION_EVENTS_PAGES: PageEntry[] = [
  { path: (t) => `/organizations/${t.client1}/events`, allowed: CLIENT1_EVENTS },
  {
    path: (t) =>
      `/organizations/${t.client1}/events?start=2026-01-01&end=2026-01-31&member=owner&type=collection_created&before=1`,
    allowed: CLIENT1_EVENTS,
  },
  { path: (t) => `/organizations/${t.client1}/events/export`, allowed: CLIENT1_EVENTS, download: true },
  {
    path: (t) => `/organizations/${t.client2}/events/export`,
    allowed: ["other_client_owner", "service_user", "provider_admin"],
    download: true,
  },
  { path: (t) => `/organizations/${t.internal}/events`, allowed: ["provider_admin"] },
];
