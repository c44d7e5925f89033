import "server-only";
import type { ProviderPermission } from "./permissions";

/**
 * The Provider Portal's sections (DESIGN §3) and the permission each needs: the first gate (proxy.ts) admits a path
 * by it and the portal's navigation shows only the sections held. Data only: no session code comes with it.
 */
export const PROVIDER_SECTIONS = [
  { path: "", label: "Dashboard", permission: "provider.clients.view" },
  { path: "clients", label: "Clients", permission: "provider.clients.view" },
  { path: "members", label: "Members", permission: "provider.members.manage" },
  { path: "client-groups", label: "Client groups", permission: "provider.client_access.manage" },
  { path: "baseline", label: "Policy baseline", permission: "provider.baseline.manage" },
  { path: "events", label: "Event logs", permission: "provider.events.view" },
  { path: "billing", label: "Billing", permission: "provider.billing.view" },
  { path: "api-keys", label: "API keys", permission: "provider.api_keys.manage" },
  { path: "settings", label: "Settings", permission: "provider.settings.manage" },
] as const satisfies readonly { path: string; label: string; permission: ProviderPermission }[];

/** The permission a Provider Portal path needs; paths outside the sections (the portal's root) need the least. */
export function providerPermissionForPath(section: string | undefined): ProviderPermission {
  return PROVIDER_SECTIONS.find((candidate) => candidate.path === section)?.permission ?? "provider.clients.view";
}
