import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireProviderScope } from "@/lib/authz/scope";
import { listProviderApiKeys } from "@/lib/dal/provider-api-keys";
import { listProviderWebhooks, listRecentWebhookDeliveries } from "@/lib/dal/provider-webhooks";
import { ApiKeysManager } from "./api-keys-manager";
import { WebhooksManager } from "./webhooks-manager";

export const metadata: Metadata = { title: "API keys" };

/**
 * The provider's API keys for its PSA and RMM tools (made, listed with their last use, revoked) and its webhook
 * endpoints, with a link to the API's reference.
 */
export default async function ProviderApiKeysPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const scope = await requireProviderScope(providerId, "provider.api_keys.manage");
  const [keys, webhooks, deliveries] = await Promise.all([
    listProviderApiKeys(scope),
    listProviderWebhooks(scope),
    listRecentWebhookDeliveries(scope),
  ]);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for your PSA or RMM tools to read your clients, members, usage, invoices and events, and with read and write access to change seats and unlink clients. A key acts as the admin who made it: keep it in the tool's secret store, and revoke it when the tool no longer needs it."
      />
      <p className="mb-4 text-sm">
        <Link href="/docs/provider-api" className="font-semibold text-brand-700 underline">
          Provider API reference
        </Link>{" "}
        <span className="text-slate-600">
          (every operation, its parameters and answers; also as{" "}
          <a href="/api/providers/openapi.json" className="underline">
            OpenAPI 3.1
          </a>
          )
        </span>
      </p>
      <ApiKeysManager
        providerId={scope.providerId}
        keys={keys.map((key) => ({
          ...key,
          createdAt: key.createdAt.toISOString(),
          lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
          revokedAt: key.revokedAt?.toISOString() ?? null,
        }))}
      />
      <Card className="mt-8">
        <WebhooksManager
          providerId={scope.providerId}
          webhooks={webhooks.map((webhook) => ({ ...webhook, createdAt: new Date(webhook.createdAt).toISOString() }))}
          deliveries={deliveries.map((delivery) => ({ ...delivery, createdAt: delivery.createdAt.toISOString() }))}
        />
      </Card>
    </>
  );
}
