import type { Metadata } from "next";
import { cookies } from "next/headers";
import { VaultTimeoutSettings } from "@/components/keyring/vault-timeout-settings";
import { Card } from "@/components/ui/card";
import { ClipboardSettings } from "@/components/vault-tools/clipboard-settings";
import { SiteIconSettings } from "@/components/vault-tools/site-icon-settings";
import { ThemeSettings } from "@/components/vault-tools/theme-settings";
import { siteIconsEnabled } from "@/lib/server/config";
import { THEME_COOKIE, themeFromCookie } from "@/lib/theme";

export const metadata: Metadata = { title: "Preferences" };

/** Settings of this device: they live in this browser's storage, not in the account. */
export default async function PreferencesPage() {
  const theme = themeFromCookie((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">Preferences</h2>
      <p className="mb-4 text-sm text-slate-600">These settings apply to this browser only.</p>
      <div className="flex flex-col gap-6">
        <ThemeSettings initial={theme} />
        <VaultTimeoutSettings />
        <ClipboardSettings />
        <SiteIconSettings available={siteIconsEnabled()} />
      </div>
    </Card>
  );
}
