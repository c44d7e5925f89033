import type { ReactNode } from "react";
import { SettingsNav } from "@/components/shell/settings-nav";
import { scopeHolds, SETTINGS_SECTIONS } from "@/lib/authz/console-sections";
import { requireOrgScope } from "@/lib/authz/scope";

/** Settings: a side menu of the pages the caller may open, then the page. */
export default async function SettingsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ organizationId: string }>;
}) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.console.access");
  const items = SETTINGS_SECTIONS.filter((section) => scopeHolds(scope, section.permission)).map((section) => ({
    href: `/organizations/${organizationId}/${section.path}`,
    label: section.label,
  }));
  return (
    <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
      <SettingsNav items={items} />
      <div>{children}</div>
    </div>
  );
}
