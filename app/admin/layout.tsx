import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireOperatorScope, requireUser } from "@/lib/authz/scope";
import { listProducts } from "@/lib/dal/products";

/** The operator pages: only for verified emails in ADMIN_EMAILS (everyone else gets a 404, here and in proxy.ts). */
export default async function OperatorLayout({ children }: { children: ReactNode }) {
  await requireOperatorScope();
  const user = await requireUser();
  const products = await listProducts(user);
  return (
    <AppShell user={user} products={products} product="Operator">
      {children}
    </AppShell>
  );
}
