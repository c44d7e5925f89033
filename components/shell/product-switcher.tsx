"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { ProductLinks } from "@/lib/dal/products";

/** The header menu that moves between the Vault, each Admin Console and each Provider Portal (DESIGN §1). */
export function ProductSwitcher({ products, current }: { products: ProductLinks; current: string }) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menu.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const itemClass = "block rounded px-3 py-2 text-sm text-slate-800 hover:bg-brand-50 focus:bg-brand-50";
  return (
    <div className="relative" ref={menu}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="product-switcher-menu"
        onClick={() => setOpen((value) => !value)}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
      >
        <span className="sr-only">Switch product, current: </span>
        {current}
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <nav
          id="product-switcher-menu"
          aria-label="Products"
          className="absolute left-0 z-40 mt-2 w-72 rounded-md border border-slate-200 bg-white p-2 shadow-lg"
        >
          <Link href="/vault" className={itemClass} onClick={() => setOpen(false)}>
            Vault
          </Link>
          {products.organizations.length > 0 ? (
            <>
              <p className="px-3 pt-3 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                Admin Console
              </p>
              {products.organizations.map((organization) => (
                <Link
                  key={organization.id}
                  href={`/organizations/${organization.id}`}
                  className={itemClass}
                  onClick={() => setOpen(false)}
                >
                  {organization.name}
                </Link>
              ))}
            </>
          ) : null}
          <p className="px-3 pt-3 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Provider Portal</p>
          {products.providers.map((provider) => (
            <Link
              key={provider.id}
              href={`/providers/${provider.id}`}
              className={itemClass}
              onClick={() => setOpen(false)}
            >
              {provider.name}
            </Link>
          ))}
          {/* The way in for a business that runs no provider yet (DESIGN §11). */}
          {products.providers.length === 0 ? (
            <Link href="/become-a-provider" className={itemClass} onClick={() => setOpen(false)}>
              Become a provider
            </Link>
          ) : null}
          {products.operator ? (
            <>
              <p className="px-3 pt-3 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                Installation
              </p>
              <Link href="/admin" className={itemClass} onClick={() => setOpen(false)}>
                Operator
              </Link>
            </>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
