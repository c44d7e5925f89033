import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/shell/app-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/authz/scope";
import { listProducts } from "@/lib/dal/products";
import { listMyProviders } from "@/lib/dal/providers";

export const metadata: Metadata = { title: "Providers" };

const ROLE_LABELS = { provider_admin: "Provider admin", service_user: "Service user" } as const;

export default async function ProvidersPage() {
  const user = await requireUser();
  const [products, providers] = await Promise.all([listProducts(user), listMyProviders(user)]);
  return (
    <AppShell user={user} products={products} product="Provider Portal">
      <PageHeader title="Providers" description="The providers you belong to." />
      {providers.length === 0 ? (
        <EmptyState title="You do not belong to any provider.">
          Providers are created by the operators of this installation, who send their owner a setup link.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {providers.map((provider) => (
            <li key={provider.id} className="flex items-center justify-between gap-4 px-4 py-3">
              {provider.status === "confirmed" ? (
                <Link href={`/providers/${provider.id}/clients`} className="font-medium text-brand-700 underline">
                  {provider.name}
                </Link>
              ) : (
                <span className="font-medium">{provider.name}</span>
              )}
              <span className="text-sm text-slate-600">
                {ROLE_LABELS[provider.role]}
                {provider.status === "accepted" ? " · waiting for an admin to confirm you" : ""}
                {provider.enabled ? "" : " · disabled"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </AppShell>
  );
}
