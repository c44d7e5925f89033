import "server-only";
import type { OrganizationPermission } from "./permissions";
import { organizationAccessFor, type OrganizationAccessRow } from "./access-rules";
import type { OrganizationScope } from "./scope-brand";

/** The Admin Console's sections (DESIGN §3) and the permission each needs; the navigation shows only those held. */
export const CONSOLE_SECTIONS = [
  { path: "collections", label: "Collections", permission: "org.console.access" },
  { path: "members", label: "Members", permission: "org.members.manage" },
  { path: "groups", label: "Groups", permission: "org.groups.manage" },
  { path: "events", label: "Event logs", permission: "org.events.view" },
  { path: "reports", label: "Reports", permission: "org.reports.view" },
  { path: "provider-access", label: "Provider access", permission: "org.provider_access.view" },
  { path: "settings", label: "Settings", permission: "org.console.access" },
] as const satisfies readonly { path: string; label: string; permission: OrganizationPermission }[];

/** The settings pages: organization info for everyone in the console, the rest by their own permission. */
export const SETTINGS_SECTIONS = [
  { path: "settings/info", label: "Organization info", permission: "org.console.access" },
  { path: "settings/policies", label: "Policies", permission: "org.policies.manage" },
  { path: "settings/provider", label: "Provider", permission: "org.provider.move" },
  { path: "settings/provider-access", label: "Provider access", permission: "org.provider_access.rule" },
  { path: "settings/import", label: "Import data", permission: "org.import_export" },
  { path: "settings/export", label: "Export vault", permission: "org.import_export" },
] as const satisfies readonly { path: string; label: string; permission: OrganizationPermission }[];

/** Whether the scope's holder has `permission` in its organization (the same rule as requireOrgScope). */
export function scopeHolds(scope: OrganizationScope, permission: OrganizationPermission): boolean {
  const access = scope.access;
  const row: OrganizationAccessRow =
    access.via === "member"
      ? {
          memberId: access.organizationUserId,
          memberRole: access.role,
          memberPermissions: access.flags,
          providerId: null,
          providerUserId: null,
          providerRole: null,
        }
      : {
          memberId: null,
          memberRole: null,
          memberPermissions: null,
          providerId: access.providerId,
          providerUserId: access.providerUserId,
          providerRole: access.role,
        };
  return organizationAccessFor(row, permission) !== null;
}

/**
 * The permission a console path needs (segments after the organization's id), for the proxy's first gate: the most
 * specific section it falls in, and console access for the rest. The page checks the same permission again; without
 * this, a page refused after its layout had started streaming would answer 200 with the not-found content.
 */
export function permissionForConsolePath(segments: readonly string[]): OrganizationPermission {
  const path = segments.join("/");
  const within = (section: { path: string }) => path === section.path || path.startsWith(`${section.path}/`);
  const section =
    SETTINGS_SECTIONS.find(within) ?? CONSOLE_SECTIONS.find((entry) => entry.path !== "settings" && within(entry));
  return section?.permission ?? "org.console.access";
}
