/** Who the page-isolation test visits every page as. */
export const PAGE_ROLES = [
  "signed_out",
  "unrelated_user",
  "client_member",
  "client_owner",
  "other_client_owner",
  "other_provider_admin",
  "service_user",
  "provider_admin",
  "operator",
] as const;
export type PageRole = (typeof PAGE_ROLES)[number];

/** Ids of the demo tenants, looked up once through the API. */
export type DemoTenants = { providerId: string; client1: string; client2: string; internal: string };

export type PageEntry = {
  path: (tenants: DemoTenants) => string;
  /** Roles that get the page (200); every other signed-in role gets a 404, and signed-out visitors go to /login. */
  allowed: readonly PageRole[];
  /** Pages anyone may open, signed in or not (they protect themselves, e.g. with a token). */
  public?: true;
  /** A file download (a CSV export), not a page a browser renders. */
  download?: true;
};

export const SIGNED_IN: readonly PageRole[] = [
  "unrelated_user",
  "client_member",
  "client_owner",
  "other_client_owner",
  "other_provider_admin",
  "service_user",
  "provider_admin",
  "operator",
];
