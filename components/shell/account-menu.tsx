"use client";

import { Lock, LogOut, Settings } from "lucide-react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { useLogOut } from "@/components/account/logout-button";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { MenuContent, MenuEntry } from "@/components/ui/menu";

/** Up to two letters for the avatar: the first of the name's first and last words, or of the email. */
function initialsOf(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const chosen = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? email];
  return chosen
    .map((word) => Array.from(word ?? "")[0] ?? "")
    .join("")
    .toUpperCase();
}

/** The header's account menu: who is signed in, then Account settings, Lock and Log out. */
export function AccountMenu({ user }: { user: { name: string; email: string } }) {
  const { lock } = useKeyring();
  const { logOut } = useLogOut();
  // The visible initials are part of the button's name, so that a person who sees them can say them to voice control.
  const initials = initialsOf(user.name, user.email);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Account menu, ${initials}`}
        className="flex size-9 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-on-accent hover:bg-brand-700"
      >
        {initials}
      </DropdownMenu.Trigger>
      <MenuContent className="w-64">
        <DropdownMenu.Label className="px-3 py-2">
          <span className="block font-medium break-words text-slate-900">{user.name}</span>
          <span className="block break-all text-slate-600">{user.email}</span>
        </DropdownMenu.Label>
        <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
        <MenuEntry asChild>
          <Link href="/settings">
            <Settings aria-hidden="true" className="size-4 shrink-0" />
            Account settings
          </Link>
        </MenuEntry>
        <MenuEntry icon={Lock} onSelect={lock}>
          Lock
        </MenuEntry>
        <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
        <MenuEntry icon={LogOut} onSelect={() => void logOut()}>
          Log out
        </MenuEntry>
      </MenuContent>
    </DropdownMenu.Root>
  );
}
