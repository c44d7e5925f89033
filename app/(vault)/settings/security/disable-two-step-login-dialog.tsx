"use client";

import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";
import { currentMasterPasswordHash, InvalidMasterPasswordError } from "@/lib/keyring/master-password-proof";
import { disableTwoFactorAction } from "./two-factor-actions";

type Props = {
  open: boolean;
  /** "X requires two-step login." when organizations will revoke this person, else null. */
  requiredBy: string | null;
  onClose: () => void;
};

/** Turning two-step login off: the master password and a current code (or the recovery code), after a warning. */
export function DisableTwoStepLoginDialog({ open, requiredBy, onClose }: Props) {
  const [deriving, setDeriving] = useState(false);
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const disable = useAction(disableTwoFactorAction, {
    success: (result) => (result.revokedFrom.length > 0 ? `Two-step login is off. Your access to ${result.revokedFrom.join(", ")} was revoked.` : "Two-step login is off."),
  });
  const busy = deriving || disable.busy;

  function close() {
    setPasswordError(undefined);
    disable.reset();
    onClose();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("masterPassword") ?? "");
    disable.reset();
    if (!password) return setPasswordError("Enter your master password.");
    setPasswordError(undefined);
    setDeriving(true);
    let masterPasswordHash: string;
    try {
      masterPasswordHash = await currentMasterPasswordHash(password);
    } catch (failure) {
      setDeriving(false);
      return setPasswordError(failure instanceof InvalidMasterPasswordError ? failure.message : "Your master password could not be checked. Try again.");
    }
    setDeriving(false);
    const result = await disable.run({ masterPasswordHash, code: String(form.get("code") ?? "") });
    if (result.ok) close();
  }

  return (
    <Dialog open={open} onClose={close} busy={busy} title="Turn off two-step login" description="Logging in will ask only for your master password.">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {requiredBy ? (
          <Alert tone="warning" title="You will lose access">
            {requiredBy} Turning it off revokes your access there until you turn it on again and an administrator restores you.
          </Alert>
        ) : null}
        {disable.error && !disable.fieldErrors.code && !disable.fieldErrors.masterPassword ? <Alert tone="error">{disable.error}</Alert> : null}
        <TextField
          label="Master password"
          name="masterPassword"
          type="password"
          autoComplete="current-password"
          required
          data-autofocus
          error={passwordError ?? disable.fieldErrors.masterPassword}
        />
        <TextField
          label="Authenticator code or recovery code"
          name="code"
          autoComplete="one-time-code"
          spellCheck={false}
          required
          error={disable.fieldErrors.code}
        />
        {busy ? <IndeterminateProgress label={deriving ? "Checking your master password…" : "Turning off two-step login…"} /> : null}
        <DialogActions>
          <Button variant="secondary" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" loading={busy}>
            Turn off
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
