import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import type { ShellNav } from "@/components/shell/app-nav";
import { Alert } from "@/components/ui/alert";
import { providerRoleHolds } from "@/lib/authz/permissions";
import { PROVIDER_SECTIONS } from "@/lib/authz/provider-sections";
import { requireProviderScope, requireUser } from "@/lib/authz/scope";
import { listProducts } from "@/lib/dal/products";
import { ProviderKeyStep } from "./provider-key-step";

export default async function ProviderLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ providerId: string }>;
}) {
  const { providerId } = await params;
  const scope = await requireProviderScope(providerId, "provider.clients.view");
  const { provider } = scope;
  const user = await requireUser();
  const products = await listProducts(user);
  // Service users see only what they may use (DESIGN §6); the pages and actions check again.
  const nav: ShellNav = {
    label: "Provider Portal",
    name: provider.name,
    items: PROVIDER_SECTIONS.filter((section) => providerRoleHolds(scope.role, section.permission)).map((section) => ({
      // The dashboard is the portal's root: active there only, not on every section below it.
      href: section.path ? `/providers/${provider.id}/${section.path}` : `/providers/${provider.id}`,
      label: section.label,
      exact: section.path === "",
    })),
  };
  return (
    <AppShell user={user} products={products} product={provider.name} nav={scope.holdsKey ? nav : undefined}>
      {!provider.enabled ? (
        <Alert tone="warning" title="This provider is disabled" className="mb-6">
          An operator of this installation disabled {provider.name}. Its client organizations are disabled too, and no
          new clients or seats can be added until it is enabled again.
        </Alert>
      ) : null}
      {/* Until the first admin's browser makes the provider key, that is the only thing to do here. */}
      {scope.holdsKey ? children : <ProviderKeyStep providerId={provider.id} providerName={provider.name} />}
    </AppShell>
  );
}
