"use client";

import { BriefcaseBusiness, Building2, CirclePlus, LayoutGrid, type LucideIcon, ServerCog, Vault } from "lucide-react";
import Link from "next/link";
import { Popover } from "radix-ui";
import { type ReactNode, useState } from "react";
import { Tooltip } from "@/components/ui/tooltip";
import type { ProductLinks } from "@/lib/dal/products";

/**
 * The header's grid of products (DESIGN §1): the Vault, each Admin Console, each Provider Portal (or the way to
 * become a provider) and, for operators, the installation. A popover of links rather than a menu: these are places
 * to go, and links keep what links do (open in a new tab).
 */
export function ProductSwitcher({ products, current }: { products: ProductLinks; current: string }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Tooltip label="Switch product">
        <Popover.Trigger className="rounded-md p-2 text-slate-700 hover:bg-slate-100 data-[state=open]:bg-slate-100">
          <LayoutGrid aria-hidden="true" className="size-5" />
          <span className="sr-only">Switch product, current: {current}</span>
        </Popover.Trigger>
      </Tooltip>
      <Popover.Portal>
        <Popover.Content
          aria-label="Switch product"
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 max-h-[var(--radix-popover-content-available-height)] w-80 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
        >
          <nav aria-label="Products" className="flex flex-col gap-3">
            <ProductGroup>
              <ProductTile href="/vault" icon={Vault} onNavigate={close}>
                Vault
              </ProductTile>
            </ProductGroup>
            {products.organizations.length > 0 ? (
              <ProductGroup title="Admin Console">
                {products.organizations.map((organization) => (
                  <ProductTile
                    key={organization.id}
                    href={`/organizations/${organization.id}`}
                    icon={Building2}
                    onNavigate={close}
                  >
                    {organization.name}
                  </ProductTile>
                ))}
              </ProductGroup>
            ) : null}
            <ProductGroup title="Provider Portal">
              {products.providers.map((provider) => (
                <ProductTile
                  key={provider.id}
                  href={`/providers/${provider.id}/clients`}
                  icon={BriefcaseBusiness}
                  onNavigate={close}
                >
                  {provider.name}
                </ProductTile>
              ))}
              {/* The way in for a business that runs no provider yet (DESIGN §11). */}
              {products.providers.length === 0 ? (
                <ProductTile href="/become-a-provider" icon={CirclePlus} onNavigate={close}>
                  Become a provider
                </ProductTile>
              ) : null}
            </ProductGroup>
            {products.operator ? (
              <ProductGroup title="Installation">
                <ProductTile href="/admin" icon={ServerCog} onNavigate={close}>
                  Operator
                </ProductTile>
              </ProductGroup>
            ) : null}
          </nav>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function ProductGroup({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      {title ? <p className="px-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</p> : null}
      <ul className="grid grid-cols-2 gap-1">{children}</ul>
    </div>
  );
}

function ProductTile({
  href,
  icon: Icon,
  onNavigate,
  children,
}: {
  href: string;
  icon: LucideIcon;
  onNavigate: () => void;
  children: ReactNode;
}) {
  return (
    <li className="min-w-0">
      <Link
        href={href}
        onClick={onNavigate}
        className="flex h-full flex-col items-center gap-1.5 rounded-md border border-transparent p-3 text-center text-sm font-medium break-words text-slate-800 hover:border-brand-100 hover:bg-brand-50"
      >
        <Icon aria-hidden="true" className="size-6 text-brand-600" />
        <span className="w-full min-w-0 break-words">{children}</span>
      </Link>
    </li>
  );
}
