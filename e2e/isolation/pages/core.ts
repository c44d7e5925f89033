import { type PageEntry, type PageRole, SIGNED_IN } from "../types";

/** Console rights in "My Client's Organization": its owner and the managing provider's members. */
const CLIENT1_CONSOLE: readonly PageRole[] = ["client_owner", "service_user", "provider_admin"];

export const CORE_PAGES: PageEntry[] = [
  { path: () => "/vault", allowed: SIGNED_IN },
  // Account settings: every signed-in person gets their own (the pages take no id, so there is no one else's to ask for).
  { path: () => "/settings", allowed: SIGNED_IN },
  { path: () => "/settings/security", allowed: SIGNED_IN },
  { path: () => "/settings/preferences", allowed: SIGNED_IN },
  { path: () => "/providers", allowed: SIGNED_IN },
  { path: () => "/providers/setup", allowed: SIGNED_IN },
  { path: () => `/accept/provider?token=${"A".repeat(43)}`, allowed: [], public: true },
  { path: () => `/accept/organization?token=${"A".repeat(43)}`, allowed: [], public: true },
  // Registration and verification links: the token is the proof, so anyone may open them.
  { path: () => `/register/finish?token=${"A".repeat(43)}`, allowed: [], public: true },
  { path: () => `/verify-email?token=${"A".repeat(43)}`, allowed: [], public: true },
  // The provider API's reference, like its OpenAPI document, is for anyone (the API itself takes keys).
  { path: () => "/docs/provider-api", allowed: [], public: true },
  { path: (t) => `/providers/${t.providerId}`, allowed: ["service_user", "provider_admin"] },
  { path: (t) => `/providers/${t.providerId}/clients`, allowed: ["service_user", "provider_admin"] },
  { path: (t) => `/providers/${t.providerId}/members`, allowed: ["provider_admin"] },
  { path: (t) => `/providers/${t.providerId}/settings`, allowed: ["provider_admin"] },
  { path: (t) => `/organizations/${t.client1}/overview`, allowed: CLIENT1_CONSOLE },
  { path: (t) => `/organizations/${t.client1}/members`, allowed: CLIENT1_CONSOLE },
  {
    path: (t) => `/organizations/${t.client2}/members`,
    allowed: ["other_client_owner", "service_user", "provider_admin"],
  },
  // The provider's internal organization is no client: only its owner (the provider admin) gets in.
  { path: (t) => `/organizations/${t.internal}/overview`, allowed: ["provider_admin"] },
];
