"use client";

import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { buttonClasses, type ButtonVariant } from "./button-classes";
import { cn } from "./cn";

export type MenuItem = { label: string; onSelect: () => void; tone?: "danger"; disabled?: boolean };

/**
 * A menu button (WAI-ARIA pattern): Enter, Space or Arrow Down open it on the first item, arrows move, Escape
 * closes and returns focus to the button, a click elsewhere closes it. With no items, nothing is rendered.
 */
type MenuProps = {
  label: string;
  /** A fuller accessible name when the visible label is short ("Options" → "Options for X"); it must contain the label. */
  accessibleLabel?: string;
  items: MenuItem[];
  variant?: ButtonVariant;
  className?: string;
};

export function Menu({ label, accessibleLabel, items, variant = "secondary", className }: MenuProps) {
  const [open, setOpen] = useState(false);
  const buttonId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current.find((item) => item && !item.disabled)?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", closeOutside);
    return () => document.removeEventListener("mousedown", closeOutside);
  }, [open]);

  function moveFocus(event: KeyboardEvent) {
    const enabled = itemRefs.current.filter((item): item is HTMLButtonElement => !!item && !item.disabled);
    const index = enabled.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      enabled[(index + step + enabled.length) % enabled.length]?.focus();
    } else if (event.key === "Escape" || event.key === "Tab") {
      setOpen(false);
      if (event.key === "Escape") button.current?.focus();
    }
  }

  // A menu with nothing to offer is not shown (a row whose member or collection the viewer cannot act on).
  if (items.length === 0) return null;
  return (
    <div className={cn("relative inline-block", className)} ref={root}>
      <button
        ref={button}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={accessibleLabel}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className={buttonClasses(variant)}
      >
        {label}
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div
          role="menu"
          aria-labelledby={buttonId}
          onKeyDown={moveFocus}
          className="absolute right-0 z-40 mt-1 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {items.map((item, index) => (
            <button
              key={item.label}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={item.disabled}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
              className={cn(
                "block w-full rounded px-3 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none disabled:text-slate-400",
                item.tone === "danger" ? "text-red-700" : "text-slate-800",
              )}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
