import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { SectionNav } from "@/components/shell/section-nav";
import { requireUser } from "@/lib/authz/scope";
import { listProducts } from "@/lib/dal/products";

export default async function VaultLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const products = await listProducts(user);
  return (
    <AppShell
      user={user}
      products={products}
      product="Vault"
      nav={
        <SectionNav
          label="Vault"
          items={[
            { href: "/vault", label: "Vault" },
            { href: "/generator", label: "Generator" },
            { href: "/settings", label: "Settings" },
          ]}
        />
      }
    >
      {children}
    </AppShell>
  );
}
