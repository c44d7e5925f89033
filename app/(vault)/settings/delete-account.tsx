"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useMasterPasswordProof } from "@/components/keyring/use-master-password-proof";
import { MasterPasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";
import { useToast } from "@/components/ui/toast";
import { clearKeyring } from "@/lib/browser/keyring/storage";
import { deleteAccountAction } from "./actions";

/** Deletes the account after the master password and the typed email address; then this browser is signed out. */
export function DeleteAccount({ email }: { email: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const proof = useMasterPasswordProof();
  const [confirmationError, setConfirmationError] = useState<string | undefined>();
  const { run, busy, error, fieldErrors, reset } = useAction(deleteAccountAction, { refresh: false });
  const errors = {
    ...fieldErrors,
    ...(proof.error ? { masterPassword: proof.error } : {}),
    ...(confirmationError ? { confirmation: confirmationError } : {}),
  };

  function close() {
    reset();
    proof.clearError();
    setConfirmationError(undefined);
    setOpen(false);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("masterPassword") ?? "");
    const confirmation = String(form.get("confirmation") ?? "")
      .trim()
      .toLowerCase();
    reset();
    const confirmed = confirmation === email;
    setConfirmationError(confirmed ? undefined : "Type your email address exactly as shown to confirm.");
    if (!confirmed) return;
    const masterPasswordHash = await proof.prove(password);
    if (!masterPasswordHash) return;
    const result = await run({ masterPasswordHash, confirmation });
    if (!result.ok) return;
    clearKeyring();
    await signOut({ redirect: false });
    toast.show("Your account was deleted.");
    router.replace("/login");
    router.refresh();
  }

  const working = proof.deriving || busy;
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete account
      </Button>
      <Dialog
        open={open}
        onClose={close}
        busy={working}
        title="Delete account"
        description="Your personal items and folders are deleted and your memberships end. Items of organizations stay with them. This cannot be undone."
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {error && !errors.masterPassword && !errors.confirmation ? <Alert tone="error">{error}</Alert> : null}
          <MasterPasswordField required error={errors.masterPassword} data-autofocus />
          <TextField
            label={`Type ${email} to confirm`}
            name="confirmation"
            autoComplete="off"
            spellCheck={false}
            required
            error={errors.confirmation}
          />
          {proof.deriving ? <IndeterminateProgress label="Checking your master password…" /> : null}
          {busy ? <IndeterminateProgress label="Deleting your account…" /> : null}
          <DialogActions>
            <Button variant="secondary" onClick={close} disabled={working}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={working}>
              Delete account
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
