"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";
import { useToast } from "@/components/ui/toast";
import { currentMasterPasswordHash, InvalidMasterPasswordError } from "@/lib/keyring/master-password-proof";
import { clearKeyring } from "@/lib/keyring/storage";
import { deleteAccountAction } from "./actions";

/** Deletes the account after the master password and the typed email address; then this browser is signed out. */
export function DeleteAccount({ email }: { email: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [deriving, setDeriving] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const { run, busy, error, fieldErrors, reset } = useAction(deleteAccountAction, { refresh: false });
  const errors = { ...fieldErrors, ...localErrors };

  function close() {
    reset();
    setLocalErrors({});
    setOpen(false);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("masterPassword") ?? "");
    const confirmation = String(form.get("confirmation") ?? "").trim().toLowerCase();
    reset();
    const problems: Record<string, string> = {};
    if (!password) problems.masterPassword = "Enter your master password.";
    if (confirmation !== email) problems.confirmation = "Type your email address exactly as shown to confirm.";
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setDeriving(true);
    let masterPasswordHash: string;
    try {
      masterPasswordHash = await currentMasterPasswordHash(password);
    } catch (failure) {
      setDeriving(false);
      return setLocalErrors({ masterPassword: failure instanceof InvalidMasterPasswordError ? failure.message : "Your master password could not be checked. Try again." });
    }
    setDeriving(false);
    const result = await run({ masterPasswordHash, confirmation });
    if (!result.ok) return;
    clearKeyring();
    await signOut({ redirect: false });
    toast.show("Your account was deleted.");
    router.replace("/login");
    router.refresh();
  }

  const working = deriving || busy;
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
          <TextField label="Master password" name="masterPassword" type="password" autoComplete="current-password" required error={errors.masterPassword} data-autofocus />
          <TextField
            label={`Type ${email} to confirm`}
            name="confirmation"
            autoComplete="off"
            spellCheck={false}
            required
            error={errors.confirmation}
          />
          {deriving ? <IndeterminateProgress label="Checking your master password…" /> : null}
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
