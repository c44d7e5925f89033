import Link from "next/link";
import type { ReactNode } from "react";
import { LogoutButton } from "@/components/account/logout-button";
import { KeyringProvider } from "@/components/keyring/keyring-provider";
import { LockButton } from "@/components/keyring/lock-button";
import { Logo } from "@/components/logo";
import type { ProductLinks } from "@/lib/dal/products";
import { ProductSwitcher } from "./product-switcher";

type AppShellProps = {
  user: { userId: string; email: string; name: string };
  products: ProductLinks;
  product: string;
  nav?: ReactNode;
  children: ReactNode;
};

/** The frame of every signed-in surface: header with product switcher and account controls, then the page. */
export function AppShell({ user, products, product, nav, children }: AppShellProps) {
  return (
    <KeyringProvider userId={user.userId}>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-6 py-3">
          <div className="flex items-center gap-4">
            <Link href="/vault" aria-label="Keyhouse home">
              <Logo className="text-lg text-slate-900" />
            </Link>
            <ProductSwitcher products={products} current={product} />
          </div>
          <div className="flex items-center gap-2 text-sm">
            <Link href="/settings" className="hidden rounded px-2 py-1 text-slate-700 hover:bg-slate-100 sm:block">
              <span className="sr-only">Account settings for </span>
              {user.email}
            </Link>
            <LockButton />
            <LogoutButton />
          </div>
        </div>
        {nav ? <div className="mx-auto max-w-7xl px-6">{nav}</div> : null}
      </header>
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </KeyringProvider>
  );
}
