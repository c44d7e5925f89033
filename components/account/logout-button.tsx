"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button-classes";
import { clearKeyring } from "@/lib/browser/keyring/storage";

/** Logging out forgets the keys in this tab and ends the session. */
export function LogoutButton({ variant = "ghost", className }: { variant?: ButtonVariant; className?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function logout() {
    setBusy(true);
    clearKeyring();
    // No server-side redirect: next-auth would build an absolute URL that may name another host than the one in use.
    await signOut({ redirect: false });
    router.replace("/login");
    router.refresh();
  }
  return (
    <Button variant={variant} className={className} loading={busy} onClick={logout}>
      Log out
    </Button>
  );
}
