import type { Metadata } from "next";
import { VaultTimeoutSettings } from "@/components/keyring/vault-timeout-settings";
import { Card } from "@/components/ui/card";
import { ClipboardSettings } from "@/components/vault-tools/clipboard-settings";

export const metadata: Metadata = { title: "Preferences" };

/** Settings of this device: they live in this browser's storage, not in the account. */
export default function PreferencesPage() {
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">Preferences</h2>
      <p className="mb-4 text-sm text-slate-600">These settings apply to this browser only.</p>
      <div className="flex flex-col gap-6">
        <VaultTimeoutSettings />
        <ClipboardSettings />
      </div>
    </Card>
  );
}
