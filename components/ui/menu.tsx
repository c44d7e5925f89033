"use client";

import { ChevronDown, type LucideIcon } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { type ComponentProps, useRef } from "react";
import { buttonClasses, type ButtonVariant } from "./button-classes";
import { cn } from "./cn";

export type MenuItem = {
  label: string;
  onSelect: () => void;
  tone?: "danger";
  disabled?: boolean;
  icon?: LucideIcon;
};

type MenuProps = {
  label: string;
  /** A fuller accessible name when the visible label is short ("Options" → "Options for X"); it must contain the label. */
  accessibleLabel?: string;
  /** Shown before the label ("+ Add"). */
  icon?: LucideIcon;
  items: MenuItem[];
  variant?: ButtonVariant;
  className?: string;
};

/**
 * A menu button on Radix DropdownMenu (WAI-ARIA menu button: Enter, Space or Arrow Down open it, arrows and typing
 * move, Escape closes and returns focus to the button). With no items, nothing is rendered.
 */
export function Menu({ label, accessibleLabel, icon: Icon, items, variant = "secondary", className }: MenuProps) {
  const trigger = useRef<HTMLButtonElement>(null);
  // The chosen action runs once the menu has closed and the focus is back on its button: a dialog it opens then
  // takes the button as its opener, and returns the focus there when it closes.
  const chosen = useRef<(() => void) | null>(null);

  // A menu with nothing to offer is not shown (a row whose member or collection the viewer cannot act on).
  if (items.length === 0) return null;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger ref={trigger} aria-label={accessibleLabel} className={buttonClasses(variant, className)}>
        {Icon ? <Icon aria-hidden="true" className="size-4" /> : null}
        {label}
        <ChevronDown aria-hidden="true" className="size-4" />
      </DropdownMenu.Trigger>
      <MenuContent
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          trigger.current?.focus();
          const action = chosen.current;
          chosen.current = null;
          action?.();
        }}
      >
        {items.map((item) => (
          <MenuEntry
            key={item.label}
            icon={item.icon}
            tone={item.tone}
            disabled={item.disabled}
            onSelect={() => {
              chosen.current = item.onSelect;
            }}
          >
            {item.label}
          </MenuEntry>
        ))}
      </MenuContent>
    </DropdownMenu.Root>
  );
}

/** The floating list of a menu, in a portal above the page. */
export function MenuContent({ className, ...props }: ComponentProps<typeof DropdownMenu.Content>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        align="end"
        sideOffset={4}
        collisionPadding={8}
        className={cn(
          "z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-48 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg",
          className,
        )}
        {...props}
      />
    </DropdownMenu.Portal>
  );
}

/**
 * One item of a menu: an optional icon, then its label; "danger" for what removes or cannot be undone. With
 * `asChild`, the single child (a link) is the item and brings its own content.
 */
export function MenuEntry({
  icon: Icon,
  tone,
  className,
  children,
  asChild,
  ...props
}: ComponentProps<typeof DropdownMenu.Item> & { icon?: LucideIcon; tone?: "danger" }) {
  return (
    <DropdownMenu.Item
      asChild={asChild}
      className={cn(
        "flex w-full cursor-default items-center gap-2 rounded px-3 py-2 text-left outline-none select-none data-disabled:text-slate-400 data-highlighted:bg-slate-100",
        tone === "danger" ? "text-red-700" : "text-slate-800",
        className,
      )}
      {...props}
    >
      {asChild ? (
        children
      ) : (
        <>
          {Icon ? <Icon aria-hidden="true" className="size-4 shrink-0" /> : null}
          {children}
        </>
      )}
    </DropdownMenu.Item>
  );
}
