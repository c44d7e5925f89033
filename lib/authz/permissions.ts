import "server-only";
/**
 * The permission catalogue (DESIGN §6): every permission, what it allows, and who holds it.
 * Roles are resolved from the database on every request (lib/authz/scope.ts); never from token claims.
 */
import type { CustomPermissions } from "@/db/schema";
import type { OrganizationRole, ProviderRole } from "@/lib/enums";

type ProviderPermissionSpec = { description: string; roles: readonly ProviderRole[] };

export const PROVIDER_PERMISSIONS = {
  "provider.clients.view": {
    description:
      "See the provider's clients and open a client's Admin Console (acting as Owner, using no seat): every client, or for a service user with chosen clients, those clients and the clients of their client groups.",
    roles: ["provider_admin", "service_user"],
  },
  "provider.clients.create": {
    description: "Create a new client organization.",
    roles: ["provider_admin"],
  },
  "provider.clients.add_existing": {
    description: "Add an existing organization, which the admin must also own, as a client.",
    roles: ["provider_admin"],
  },
  "provider.clients.unlink": {
    description: "Remove a client from the provider.",
    roles: ["provider_admin"],
  },
  "provider.clients.update": {
    description:
      "Change a client's name and seats. Service users may do so only while the provider buys no seats above the plan minimum.",
    roles: ["provider_admin", "service_user"],
  },
  "provider.clients.move_in": {
    description:
      "Issue move codes, complete the move of an organization whose owner entered one (the browser wraps its key with the provider key), and cancel moves to this provider.",
    roles: ["provider_admin"],
  },
  "provider.members.manage": {
    description: "Invite, confirm, change the role of and remove provider members.",
    roles: ["provider_admin"],
  },
  "provider.client_access.manage": {
    description:
      "Choose which clients each service user reaches (all clients, or chosen clients and client groups), and create, rename, delete and fill client groups. Each widens someone's reach, so only provider admins hold it.",
    roles: ["provider_admin"],
  },
  "provider.baseline.manage": {
    description:
      "Define the policy baseline (the policies clients should have and how strict), choose the clients it covers, see each client's drift, and apply it: each client change is a policy change in that client's console. It changes every client at once, so only provider admins hold it.",
    roles: ["provider_admin"],
  },
  "provider.api_keys.manage": {
    description:
      "Create, list and revoke the provider's API keys (read-only or read-write) for PSA and RMM tools. A key acts for the whole provider, so only provider admins hold it.",
    roles: ["provider_admin"],
  },
  "provider.events.view": { description: "Read the provider's event log.", roles: ["provider_admin"] },
  "provider.billing.view": { description: "See the provider's plans, seats and invoices.", roles: ["provider_admin"] },
  "provider.settings.manage": {
    description: "Change the provider's name and billing email.",
    roles: ["provider_admin"],
  },
} as const satisfies Record<string, ProviderPermissionSpec>;

export type ProviderPermission = keyof typeof PROVIDER_PERMISSIONS;

/** Who holds an organization permission: roles always, Custom members by flag, provider members by `provider`. */
type OrganizationPermissionSpec = {
  description: string;
  roles: readonly Exclude<OrganizationRole, "custom">[];
  customFlag?: keyof CustomPermissions;
  provider: boolean;
};

export const ORGANIZATION_PERMISSIONS = {
  "org.console.access": {
    description: "Open the organization's Admin Console.",
    roles: ["owner", "admin"],
    provider: true,
  },
  "org.members.manage": {
    description: "Invite, confirm, change, revoke and remove members.",
    roles: ["owner", "admin"],
    customFlag: "manageUsers",
    provider: true,
  },
  "org.groups.manage": {
    description: "Create, change and delete groups.",
    roles: ["owner", "admin"],
    customFlag: "manageGroups",
    provider: true,
  },
  "org.collections.create": {
    description: "Create collections.",
    roles: ["owner", "admin"],
    customFlag: "createNewCollections",
    provider: true,
  },
  "org.collections.edit_any": {
    description: "Rename any collection and change who can reach it.",
    roles: ["owner", "admin"],
    customFlag: "editAnyCollection",
    provider: true,
  },
  "org.collections.delete_any": {
    description: "Delete any collection.",
    roles: ["owner", "admin"],
    customFlag: "deleteAnyCollection",
    provider: true,
  },
  "org.policies.manage": {
    description: "Turn policies on and off and change their settings.",
    roles: ["owner", "admin"],
    customFlag: "managePolicies",
    provider: true,
  },
  "org.events.view": {
    description: "Read the organization's event log.",
    roles: ["owner", "admin"],
    customFlag: "accessEventLogs",
    provider: true,
  },
  "org.reports.view": {
    description: "Run the organization's reports.",
    roles: ["owner", "admin"],
    customFlag: "accessReports",
    provider: true,
  },
  "org.import_export": {
    description: "Import items into the organization. Exporting also needs access to the items.",
    roles: ["owner", "admin"],
    customFlag: "accessImportExport",
    provider: true,
  },
  "org.items.manage_all": {
    description:
      "Read and change every item of the organization. Provider members do not hold it (Bitwarden's rule since 2024).",
    roles: ["owner", "admin"],
    provider: false,
  },
  "org.provider_access.view": {
    description:
      "See the managing provider's requests to read the organization's items: all of them for owners and admins, their own for a provider member.",
    roles: ["owner", "admin"],
    provider: true,
  },
  "org.provider_access.request": {
    description:
      "Ask the client for time-boxed access to its items or one collection (a provider member only; the client answers).",
    roles: [],
    provider: true,
  },
  "org.provider_access.decide": {
    description:
      "Approve (as asked, shorter or view only), deny or end a provider member's access to the organization's items. Never one's own request.",
    roles: ["owner", "admin"],
    provider: false,
  },
  "org.provider_access.rule": {
    description:
      "Set the standing rule for the provider's requests: never allow, always ask, or approve named technicians at once.",
    roles: ["owner"],
    provider: false,
  },
  "org.provider.move": {
    description:
      "Move the organization to another provider (or give it one) with a move code from that provider. Owners only: a provider member never moves a client, away or to another provider of theirs.",
    roles: ["owner"],
    provider: false,
  },
  "org.settings.manage": {
    description: "Change the organization's name and billing email.",
    roles: ["owner"],
    provider: true,
  },
  "org.delete": {
    description: "Delete the organization.",
    roles: ["owner"],
    provider: false,
  },
} as const satisfies Record<string, OrganizationPermissionSpec>;

export type OrganizationPermission = keyof typeof ORGANIZATION_PERMISSIONS;

/** Permissions that only read: all a read-only provider API key may use. */
const READ_PERMISSIONS: ReadonlySet<ProviderPermission | OrganizationPermission> = new Set([
  "provider.clients.view",
  "provider.events.view",
  "provider.billing.view",
  "org.console.access",
  "org.events.view",
  "org.reports.view",
  "org.provider_access.view",
] as const);

export function isReadPermission(permission: ProviderPermission | OrganizationPermission): boolean {
  return READ_PERMISSIONS.has(permission);
}

export function providerRoleHolds(role: ProviderRole, permission: ProviderPermission): boolean {
  return (PROVIDER_PERMISSIONS[permission].roles as readonly ProviderRole[]).includes(role);
}

/** Custom members enter the console only when at least one console flag is set. */
function customHolds(flags: CustomPermissions | null, permission: OrganizationPermission): boolean {
  const spec: OrganizationPermissionSpec = ORGANIZATION_PERMISSIONS[permission];
  if (!flags) return false;
  if (permission === "org.console.access") return Object.values(flags).some(Boolean);
  return spec.customFlag !== undefined && flags[spec.customFlag] === true;
}

export function memberRoleHolds(
  role: OrganizationRole,
  flags: CustomPermissions | null,
  permission: OrganizationPermission,
): boolean {
  if (role === "custom") return customHolds(flags, permission);
  const spec: OrganizationPermissionSpec = ORGANIZATION_PERMISSIONS[permission];
  return spec.roles.includes(role);
}

export function providerMemberHoldsInOrganization(permission: OrganizationPermission): boolean {
  const spec: OrganizationPermissionSpec = ORGANIZATION_PERMISSIONS[permission];
  return spec.provider;
}
