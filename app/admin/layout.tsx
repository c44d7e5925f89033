import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import type { ShellNav } from "@/components/shell/app-nav";
import { requireOperatorScope, requireUser } from "@/lib/authz/scope";
import { listProducts } from "@/lib/dal/products";
import { countPendingProviderRequests } from "@/lib/dal/provider-requests";

/** The operator pages: only for verified emails in ADMIN_EMAILS (everyone else gets a 404, here and in proxy.ts). */
export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const scope = await requireOperatorScope();
  const user = await requireUser();
  const [products, pending] = await Promise.all([listProducts(user), countPendingProviderRequests(scope)]);
  const nav: ShellNav = {
    label: "Operator",
    items: [
      // /admin is the providers list; the requests live below it, so it is active only on its own path.
      { href: "/admin", label: "Providers", exact: true },
      { href: "/admin/requests", label: pending > 0 ? `Provider requests (${pending})` : "Provider requests" },
    ],
  };
  return (
    <AppShell user={user} products={products} product="Operator" nav={nav}>
      {children}
    </AppShell>
  );
}
