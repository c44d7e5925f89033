import type { ReactNode } from "react";
import { SettingsNav } from "@/components/shell/settings-nav";
import { PageHeader } from "@/components/ui/page-header";

const SECTIONS = [
  { href: "/settings", label: "My account" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/preferences", label: "Preferences" },
];

/** Account settings: a side menu of the sections, then the section. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader title="Settings" />
      <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
        <SettingsNav items={SECTIONS} />
        <div className="flex max-w-2xl flex-col gap-6">{children}</div>
      </div>
    </>
  );
}
