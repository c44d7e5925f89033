"use client";

import { type FormEvent, useState } from "react";
import { MasterPasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { IndeterminateProgress } from "@/components/ui/progress";
import { fetchKeyMaterial, unlockWithMasterPassword } from "@/lib/browser/keyring/account-flows";

/**
 * "Master password re-prompt": before an item marked with it shows or changes anything secret, the person types
 * their master password again. It is checked here, against the protected user key; nothing is sent.
 */
export function RepromptDialog({ onConfirmed, onCancel }: { onConfirmed: () => void; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("masterPassword") ?? "");
    setBusy(true);
    setError(null);
    try {
      await unlockWithMasterPassword(await fetchKeyMaterial(), password);
      onConfirmed();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Invalid master password.");
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      onClose={onCancel}
      busy={busy}
      title="Confirm your master password"
      description="This item is protected with master password re-prompt."
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <MasterPasswordField data-autofocus />
        {busy ? <IndeterminateProgress label="Checking your master password…" /> : null}
        <DialogFormActions onCancel={onCancel} busy={busy} submitLabel="Confirm" />
      </form>
    </Dialog>
  );
}
