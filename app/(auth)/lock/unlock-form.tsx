"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { LogoutButton } from "@/components/account/logout-button";
import { MasterPasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { IndeterminateProgress } from "@/components/ui/progress";
import { fetchKeyMaterial, unlockWithMasterPassword } from "@/lib/browser/keyring/account-flows";
import { storeUserKey } from "@/lib/browser/keyring/storage";
import { decryptPool } from "@/lib/browser/vault-decrypt/decrypt-pool";

/** Unlocking is local: the master password re-derives the key that opens the protected user key. */
export function UnlockForm({ email, returnTo }: { email: string; returnTo: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("masterPassword") ?? "");
    if (!password) return setError("Enter your master password.");
    setError(null);
    setBusy(true);
    // The vault's decryption workers load while the key is derived.
    decryptPool();
    try {
      const material = await fetchKeyMaterial();
      storeUserKey(material.userId, await unlockWithMasterPassword(material, password));
      // One navigation: a router.refresh() after it would load the page a second time.
      router.replace(returnTo);
    } catch (failure) {
      setBusy(false);
      setError(failure instanceof Error ? failure.message : "Unlock failed. Try again.");
    }
  }

  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Your vault is locked</h1>
      <p className="mb-6 text-sm text-slate-600">
        Logged in as <span className="font-medium text-slate-900">{email}</span>. Enter your master password to unlock.
      </p>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <MasterPasswordField required autoFocus />
        {busy ? <IndeterminateProgress label="Deriving your keys from the master password…" /> : null}
        <div className="flex items-center justify-between gap-3">
          <Button type="submit" loading={busy}>
            Unlock
          </Button>
          <LogoutButton variant="secondary" />
        </div>
      </form>
    </Card>
  );
}
