"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { clearKeyring } from "@/lib/keyring/storage";

/** Logging out forgets the keys in this tab and ends the session. */
export function LogoutButton({ variant = "ghost", className }: { variant?: ButtonVariant; className?: string }) {
  const [busy, setBusy] = useState(false);
  async function logout() {
    setBusy(true);
    clearKeyring();
    await signOut({ redirect: false });
    // A relative, full-page navigation: keeps the host the user is on and drops every in-memory key.
    window.location.assign(`${window.location.origin}/login`);
  }
  return (
    <Button variant={variant} className={className} loading={busy} onClick={logout}>
      Log out
    </Button>
  );
}
