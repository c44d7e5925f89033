"use client";

import { Menu, X } from "lucide-react";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { type ShellNav, NavPanel } from "./app-nav";

/**
 * Below the large breakpoint the navigation lives in a drawer from the left: a modal Radix Dialog (focus trapped,
 * Escape closes it, focus returns to its button), which closes when a link is followed.
 */
export function NavDrawer({ nav }: { nav: ShellNav }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        aria-label="Open navigation"
        className="-ml-2 rounded-md p-2 text-slate-700 hover:bg-slate-100 lg:hidden"
      >
        <Menu aria-hidden="true" className="size-5" />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50 lg:hidden" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto bg-nav shadow-xl focus:outline-none lg:hidden"
        >
          <Dialog.Title className="sr-only">Navigation</Dialog.Title>
          <Dialog.Close
            aria-label="Close navigation"
            className="absolute top-3 right-3 rounded-md p-1.5 text-nav-muted hover:bg-nav-text/10 hover:text-nav-text focus-visible:outline-nav-text"
          >
            <X aria-hidden="true" className="size-5" />
          </Dialog.Close>
          <NavPanel nav={nav} onNavigate={() => setOpen(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
