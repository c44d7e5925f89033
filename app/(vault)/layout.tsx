import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import type { ShellNav } from "@/components/shell/app-nav";
import { requireUser } from "@/lib/authz/scope";
import { listProducts } from "@/lib/dal/products";

const NAV: ShellNav = {
  label: "Vault",
  items: [
    { href: "/vault", label: "Vaults" },
    { href: "/generator", label: "Generator" },
    {
      href: "/settings",
      label: "Settings",
      children: [
        { href: "/settings", label: "My account", exact: true },
        { href: "/settings/security", label: "Security" },
        { href: "/settings/preferences", label: "Preferences" },
      ],
    },
  ],
};

export default async function VaultLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const products = await listProducts(user);
  return (
    <AppShell user={user} products={products} product="Vault" nav={NAV}>
      {children}
    </AppShell>
  );
}
