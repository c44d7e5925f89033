"use client";

import type { FormEvent } from "react";
import { useAction } from "@/components/forms/use-action";
import { useMasterPasswordProof } from "@/components/keyring/use-master-password-proof";
import { MasterPasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";
import { disableTwoFactorAction } from "./two-factor-actions";

type Props = {
  open: boolean;
  /** "X requires two-step login." when organizations will revoke this person, else null. */
  requiredBy: string | null;
  onClose: () => void;
};

/** Turning two-step login off: the master password and a current code (or the recovery code), after a warning. */
export function DisableTwoStepLoginDialog({ open, requiredBy, onClose }: Props) {
  const proof = useMasterPasswordProof();
  const disable = useAction(disableTwoFactorAction, {
    success: (result) =>
      result.revokedFrom.length > 0
        ? `Two-step login is off. Your access to ${result.revokedFrom.join(", ")} was revoked.`
        : "Two-step login is off.",
  });
  const busy = proof.deriving || disable.busy;

  function close() {
    proof.clearError();
    disable.reset();
    onClose();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    disable.reset();
    const masterPasswordHash = await proof.prove(String(form.get("masterPassword") ?? ""));
    if (!masterPasswordHash) return;
    const result = await disable.run({ masterPasswordHash, code: String(form.get("code") ?? "") });
    if (result.ok) close();
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      busy={busy}
      title="Turn off two-step login"
      description="Logging in will ask only for your master password."
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {requiredBy ? (
          <Alert tone="warning" title="You will lose access">
            {requiredBy} Turning it off revokes your access there until you turn it on again and an administrator
            restores you.
          </Alert>
        ) : null}
        {disable.error && !disable.fieldErrors.code && !disable.fieldErrors.masterPassword ? (
          <Alert tone="error">{disable.error}</Alert>
        ) : null}
        <MasterPasswordField required data-autofocus error={proof.error ?? disable.fieldErrors.masterPassword} />
        <TextField
          label="Authenticator code or recovery code"
          name="code"
          autoComplete="one-time-code"
          spellCheck={false}
          required
          error={disable.fieldErrors.code}
        />
        {busy ? (
          <IndeterminateProgress
            label={proof.deriving ? "Checking your master password…" : "Turning off two-step login…"}
          />
        ) : null}
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
