"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button-classes";
import { clearKeyring } from "@/lib/browser/keyring/storage";

/** Logging out forgets the keys in this tab and ends the session; `busy` while the session is being ended. */
export function useLogOut(): { logOut: () => Promise<void>; busy: boolean } {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const logOut = useCallback(async () => {
    setBusy(true);
    clearKeyring();
    // No server-side redirect: next-auth would build an absolute URL that may name another host than the one in use.
    await signOut({ redirect: false });
    router.replace("/login");
    router.refresh();
  }, [router]);
  return { logOut, busy };
}

/** A "Log out" button, for pages outside the app's frame (its account menu has its own). */
export function LogoutButton({ variant = "ghost", className }: { variant?: ButtonVariant; className?: string }) {
  const { logOut, busy } = useLogOut();
  return (
    <Button variant={variant} className={className} loading={busy} onClick={logOut}>
      Log out
    </Button>
  );
}
