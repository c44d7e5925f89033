"use client";

import {
  BriefcaseBusiness,
  Building2,
  ChartColumn,
  ChevronDown,
  ChevronRight,
  Circle,
  Code,
  CreditCard,
  Inbox,
  KeyRound,
  Layers,
  LayoutDashboard,
  type LucideIcon,
  Network,
  RefreshCw,
  ScrollText,
  Settings,
  ShieldCheck,
  Tags,
  Users,
  Vault,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Logo } from "@/components/logo";
import { cn } from "@/components/ui/cn";

/**
 * A link of a product's navigation. `exact`: active only on its own path, not below it (for an item whose siblings
 * live under its path). `children`: sub-pages, shown under the item while one of its pages is open.
 */
export type ShellNavItem = { href: string; label: string; exact?: boolean; children?: ShellNavItem[] };

/** A product's navigation: its kind names the landmark ("Admin Console"), `name` says which one (the organization). */
export type ShellNav = { label: string; name?: string; items: ShellNavItem[] };

/** The icon of each section, by the last segment of its path (the pages' data stays free of React). */
const ICONS: Record<string, LucideIcon> = {
  vault: Vault,
  generator: RefreshCw,
  settings: Settings,
  overview: LayoutDashboard,
  collections: Layers,
  members: Users,
  groups: Network,
  events: ScrollText,
  reports: ChartColumn,
  clients: Building2,
  billing: CreditCard,
  admin: BriefcaseBusiness,
  requests: Inbox,
  "client-groups": Tags,
  "provider-access": KeyRound,
  baseline: ShieldCheck,
  "api-keys": Code,
};

/** A product's home (its root path, active there only) is its dashboard. */
function iconFor(item: ShellNavItem): LucideIcon {
  return ICONS[item.href.split("/").filter(Boolean).at(-1) ?? ""] ?? (item.exact ? LayoutDashboard : Circle);
}

function isWithin(pathname: string, item: ShellNavItem): boolean {
  return pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
}

/**
 * The product's name and its navigation, on the dark column at the left (or in the drawer on narrow screens).
 * `onNavigate` runs when a link is followed (the drawer closes).
 */
export function NavPanel({ nav, onNavigate }: { nav: ShellNav; onNavigate?: () => void }) {
  return (
    <div className="flex flex-col gap-6 px-3 py-4">
      <div className="flex flex-col gap-3 px-3">
        <Logo inverted className="text-lg text-nav-text" />
        <p className="min-w-0 text-sm">
          <span className="block text-xs font-semibold tracking-wide text-nav-muted uppercase">{nav.label}</span>
          {nav.name ? <span className="block font-semibold break-words text-nav-text">{nav.name}</span> : null}
        </p>
      </div>
      <AppNav nav={nav} onNavigate={onNavigate} />
    </div>
  );
}

/** "page": the current page; "group": an open group, whose current page is one of its sub-pages. */
const linkClasses = (state: "page" | "group" | null) =>
  cn(
    "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-nav-text",
    state === "page" && "bg-nav-text/15 text-nav-text",
    state === "group" && "text-nav-text hover:bg-nav-text/10",
    state === null && "text-nav-muted hover:bg-nav-text/10 hover:text-nav-text",
  );

function AppNav({ nav, onNavigate }: { nav: ShellNav; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label={nav.label}>
      <ul className="flex flex-col gap-1">
        {nav.items.map((item) => {
          const Icon = iconFor(item);
          const within = isWithin(pathname, item);
          const group = item.children && item.children.length > 0 ? item.children : null;
          const Chevron = within ? ChevronDown : ChevronRight;
          return (
            <li key={item.href}>
              {/* A group's own link is not the current page: one of its sub-pages is. */}
              <Link
                href={item.href}
                aria-current={within && !group ? "page" : undefined}
                onClick={onNavigate}
                className={linkClasses(within ? (group ? "group" : "page") : null)}
              >
                <Icon aria-hidden="true" className="size-5 shrink-0" />
                <span className="min-w-0 flex-1 break-words">{item.label}</span>
                {group ? <Chevron aria-hidden="true" className="size-4 shrink-0" /> : null}
              </Link>
              {/* Like Bitwarden's, a group opens in place under its item while one of its pages is shown. */}
              {group && within ? (
                <nav aria-label={item.label}>
                  <ul className="mt-1 flex flex-col gap-1">
                    {group.map((child) => {
                      const current = isWithin(pathname, child);
                      return (
                        <li key={child.href}>
                          <Link
                            href={child.href}
                            aria-current={current ? "page" : undefined}
                            onClick={onNavigate}
                            className={cn(linkClasses(current ? "page" : null), "pl-11")}
                          >
                            {child.label}
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                </nav>
              ) : null}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
