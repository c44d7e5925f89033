import Link from "next/link";
import type { ReactNode } from "react";
import { KeyringProvider } from "@/components/keyring/keyring-provider";
import { Logo } from "@/components/logo";
import { cn } from "@/components/ui/cn";
import type { ProductLinks } from "@/lib/dal/products";
import { AccountMenu } from "./account-menu";
import { NavPanel, type ShellNav } from "./app-nav";
import { NavDrawer } from "./nav-drawer";
import { ProductSwitcher } from "./product-switcher";

type AppShellProps = {
  user: { userId: string; email: string; name: string };
  products: ProductLinks;
  /** The current product, as the product switcher names it. */
  product: string;
  nav?: ShellNav;
  children: ReactNode;
};

/**
 * The frame of every signed-in surface, laid out like Bitwarden's web vault: the product's navigation in a column at
 * the left (a drawer below the large breakpoint), a header with the product switcher and the account menu, then the
 * page. The page column never grows wider than the screen: wide content scrolls inside its own box.
 */
export function AppShell({ user, products, product, nav, children }: AppShellProps) {
  return (
    <KeyringProvider userId={user.userId}>
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-4 py-2 text-sm font-semibold text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-[80]"
      >
        Skip to main content
      </a>
      <div className="min-h-screen lg:flex">
        {nav ? (
          <aside className="sticky top-0 hidden h-screen w-64 shrink-0 overflow-y-auto bg-nav lg:block">
            <NavPanel nav={nav} />
          </aside>
        ) : null}
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-slate-200 bg-white px-4 sm:px-6">
            {nav ? <NavDrawer nav={nav} /> : null}
            {/* With the navigation column shown, the logo is at its top. */}
            <Link
              href="/vault"
              aria-label="Keyhouse home"
              className={cn("flex items-center rounded-md", nav && "lg:hidden")}
            >
              <Logo className="text-lg text-slate-900" />
            </Link>
            <div className="ml-auto flex items-center gap-2">
              <ProductSwitcher products={products} current={product} />
              <AccountMenu user={user} />
            </div>
          </header>
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-7xl min-w-0 px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8"
          >
            {children}
          </main>
        </div>
      </div>
    </KeyringProvider>
  );
}
