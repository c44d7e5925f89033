import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireProviderScope } from "@/lib/authz/scope";
import { getProvider } from "@/lib/dal/providers";
import { ProviderSettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Provider settings" };

export default async function ProviderSettingsPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const provider = await getProvider(await requireProviderScope(providerId, "provider.settings.manage"));
  return (
    <>
      <PageHeader title="Settings" description="How your provider is named, and where its invoices go." />
      <Card className="max-w-xl">
        <ProviderSettingsForm providerId={provider.id} name={provider.name} billingEmail={provider.billingEmail ?? ""} />
      </Card>
    </>
  );
}
