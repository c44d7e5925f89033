import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import type { ShellNav } from "@/components/shell/app-nav";
import { Alert } from "@/components/ui/alert";
import { CONSOLE_SECTIONS, scopeHolds, SETTINGS_SECTIONS } from "@/lib/authz/console-sections";
import type { OrganizationPermission } from "@/lib/authz/permissions";
import { requireOrgScope, requireUser } from "@/lib/authz/scope";
import { getOrganization } from "@/lib/dal/organizations";
import { listProducts } from "@/lib/dal/products";

export default async function ConsoleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ organizationId: string }>;
}) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.console.access");
  const [user, organization] = await Promise.all([requireUser(), getOrganization(scope)]);
  const products = await listProducts(user);
  const base = `/organizations/${organization.id}`;
  // Provider access is about the managing provider: an organization without one has no such pages to show.
  const held = <T extends { path: string; permission: OrganizationPermission }>(sections: readonly T[]) =>
    sections.filter(
      (section) =>
        scopeHolds(scope, section.permission) &&
        (organization.providerName !== null || !section.path.endsWith("provider-access")),
    );
  const link = (section: { path: string; label: string }) => ({
    href: `${base}/${section.path}`,
    label: section.label,
  });
  const nav: ShellNav = {
    label: "Admin Console",
    name: organization.name,
    items: [
      { href: `${base}/overview`, label: "Overview" },
      ...held(CONSOLE_SECTIONS).map((section) =>
        section.path === "settings" ? { ...link(section), children: held(SETTINGS_SECTIONS).map(link) } : link(section),
      ),
    ],
  };
  return (
    <AppShell user={user} products={products} product={`Admin Console: ${organization.name}`} nav={nav}>
      {scope.access.via === "provider" ? (
        <Alert tone="info" title={`Managed by ${organization.providerName}`} className="mb-6">
          You are managing {organization.name} as a member of {organization.providerName}, with an owner&apos;s rights.
          You use no seat here, and the organization&apos;s vault items stay private to its members unless its owners
          approve a request under Provider access.
        </Alert>
      ) : null}
      {!organization.enabled ? (
        <Alert tone="warning" title="This organization is disabled" className="mb-6">
          Its members cannot use its items until it is enabled again.
        </Alert>
      ) : null}
      {children}
    </AppShell>
  );
}
