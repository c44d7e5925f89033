import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/authz/scope";
import { listProducts } from "@/lib/dal/products";

export default async function VaultLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const products = await listProducts(user);
  return (
    <AppShell user={user} products={products} product="Vault">
      {children}
    </AppShell>
  );
}
