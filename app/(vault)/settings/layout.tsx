import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";

/** Account settings: the sections are in the navigation, under Settings. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader title="Settings" />
      <div className="flex max-w-2xl flex-col gap-6">{children}</div>
    </>
  );
}
