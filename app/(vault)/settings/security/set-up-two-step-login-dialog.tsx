"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useMasterPasswordProof } from "@/components/keyring/use-master-password-proof";
import { MasterPasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";
import { authenticatorUri, formatAuthenticatorKey, formatRecoveryCode } from "@/lib/account-security/two-factor";
import { AuthenticatorQrCode } from "./authenticator-qr-code";
import { beginTwoFactorAction, enableTwoFactorAction } from "./two-factor-actions";

type Props = { open: boolean; email: string; onClose: () => void };

/**
 * Setting up two-step login, in three steps: the master password (Bitwarden asks for it before showing a key), the
 * QR code and key for the authenticator app with a first code to prove it works, then the recovery code, shown once.
 */
export function SetUpTwoStepLoginDialog({ open, email, onClose }: Props) {
  const router = useRouter();
  const [masterPasswordHash, setMasterPasswordHash] = useState<string | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const proof = useMasterPasswordProof();
  const begin = useAction(beginTwoFactorAction, { refresh: false });
  const enable = useAction(enableTwoFactorAction, { refresh: false, success: () => "Two-step login is on." });
  const busy = proof.deriving || begin.busy || enable.busy;

  function close() {
    setMasterPasswordHash(null);
    setKey(null);
    proof.clearError();
    begin.reset();
    enable.reset();
    if (recoveryCode) router.refresh();
    setRecoveryCode(null);
    onClose();
  }

  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    begin.reset();
    const hash = await proof.prove(String(new FormData(event.currentTarget).get("masterPassword") ?? ""));
    if (!hash) return;
    const started = await begin.run({ masterPasswordHash: hash });
    if (!started.ok) return;
    setMasterPasswordHash(hash);
    setKey(started.key);
  }

  async function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    const enabled = await enable.run({ masterPasswordHash: masterPasswordHash!, code });
    if (enabled.ok) setRecoveryCode(enabled.recoveryCode);
  }

  return (
    <Dialog open={open} onClose={close} busy={busy} title="Turn on two-step login">
      {recoveryCode ? (
        <div className="flex flex-col gap-4">
          <Alert tone="success" title="Two-step login is on">
            From now on, logging in asks for a code from your authenticator app.
          </Alert>
          <p className="text-sm text-slate-700">
            Write down or print your recovery code and keep it somewhere safe. If you lose your authenticator app, it
            logs you in once and turns two-step login off. It is shown only now.
          </p>
          <p className="text-sm font-medium text-slate-800" id="recovery-code-label">
            Recovery code
          </p>
          <code
            aria-labelledby="recovery-code-label"
            data-testid="recovery-code"
            className="rounded bg-slate-100 px-3 py-2 text-center font-mono text-base tracking-wide"
          >
            {formatRecoveryCode(recoveryCode)}
          </code>
          <DialogActions>
            <Button onClick={close} data-autofocus>
              I saved my recovery code
            </Button>
          </DialogActions>
        </div>
      ) : key ? (
        <form onSubmit={onCode} noValidate className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">
            Scan this QR code with your authenticator app, or type the key into it.
          </p>
          <div className="flex flex-wrap items-center gap-4">
            <AuthenticatorQrCode uri={authenticatorUri(key, email)} />
            <dl className="flex flex-col gap-1 text-sm">
              <dt className="text-slate-600">Key</dt>
              <dd>
                <code data-testid="authenticator-key" className="font-mono">
                  {formatAuthenticatorKey(key)}
                </code>
              </dd>
              <dt className="text-slate-600">Account</dt>
              <dd>{email}</dd>
              <dt className="text-slate-600">Type</dt>
              <dd>Time-based, 6 digits, every 30 seconds</dd>
            </dl>
          </div>
          {enable.error && !enable.fieldErrors.code ? <Alert tone="error">{enable.error}</Alert> : null}
          <TextField
            label="Verification code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            data-autofocus
            error={enable.fieldErrors.code}
            description="The 6-digit code your app shows now."
          />
          {enable.busy ? <IndeterminateProgress label="Turning on two-step login…" /> : null}
          <DialogActions>
            <Button variant="secondary" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={enable.busy}>
              Turn on
            </Button>
          </DialogActions>
        </form>
      ) : (
        <form onSubmit={onPassword} noValidate className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">Enter your master password to set up an authenticator app.</p>
          {begin.error && !begin.fieldErrors.masterPassword ? <Alert tone="error">{begin.error}</Alert> : null}
          <MasterPasswordField required data-autofocus error={proof.error ?? begin.fieldErrors.masterPassword} />
          {proof.deriving ? <IndeterminateProgress label="Checking your master password…" /> : null}
          <DialogActions>
            <Button variant="secondary" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Continue
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
