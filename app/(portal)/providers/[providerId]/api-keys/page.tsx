import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireProviderScope } from "@/lib/authz/scope";
import { listProviderApiKeys } from "@/lib/dal/provider-api-keys";
import { ApiKeysManager } from "./api-keys-manager";

export const metadata: Metadata = { title: "API keys" };

/** The provider's API keys for its PSA and RMM tools: made, listed with their last use, and revoked here. */
export default async function ProviderApiKeysPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const scope = await requireProviderScope(providerId, "provider.api_keys.manage");
  const keys = await listProviderApiKeys(scope);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for your PSA or RMM tools to read your clients, usage and invoices, and with read and write access to create clients and change seats. A key acts for the whole provider: keep it in the tool's secret store, and revoke it when the tool no longer needs it."
      />
      <ApiKeysManager
        providerId={scope.providerId}
        keys={keys.map((key) => ({
          ...key,
          createdAt: key.createdAt.toISOString(),
          lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
          revokedAt: key.revokedAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
