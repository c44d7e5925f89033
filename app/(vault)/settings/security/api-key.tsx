"use client";

import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { MasterPasswordField } from "@/components/forms/password-field";
import { useMasterPasswordProof } from "@/components/keyring/use-master-password-proof";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { IndeterminateProgress } from "@/components/ui/progress";
import { CopyButton } from "@/components/vault-tools/copy-button";
import { rotateApiKeyAction } from "./device-actions";

type ApiKey = { clientId: string; clientSecret: string };

/** Whether the account has an API key, and the dialog that makes a new one. */
export function ApiKeyCard({ hasApiKey }: { hasApiKey: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        {hasApiKey
          ? "Your account has an API key. Making a new one stops the old one from working."
          : "Your account has no API key yet."}
      </p>
      <div>
        <Button variant={hasApiKey ? "secondary" : "primary"} onClick={() => setOpen(true)}>
          {hasApiKey ? "Rotate API key" : "Create API key"}
        </Button>
      </div>
      <ApiKeyDialog open={open} rotating={hasApiKey} onClose={() => setOpen(false)} />
    </div>
  );
}

function ApiKeyDialog({ open, rotating, onClose }: { open: boolean; rotating: boolean; onClose: () => void }) {
  const proof = useMasterPasswordProof();
  const rotate = useAction(rotateApiKeyAction, {
    success: () => (rotating ? "New API key created. The old one no longer works." : "API key created."),
  });
  const [key, setKey] = useState<ApiKey | null>(null);
  const busy = proof.deriving || rotate.busy;

  function close() {
    proof.clearError();
    rotate.reset();
    setKey(null);
    onClose();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rotate.reset();
    const masterPasswordHash = await proof.prove(String(new FormData(event.currentTarget).get("masterPassword") ?? ""));
    if (!masterPasswordHash) return;
    const result = await rotate.run({ masterPasswordHash });
    if (result.ok) setKey({ clientId: result.clientId, clientSecret: result.clientSecret });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      busy={busy}
      title={key ? "Your API key" : rotating ? "Rotate API key" : "Create API key"}
      description={
        key
          ? undefined
          : rotating
            ? "Enter your master password. The new key replaces the old one, which stops working at once: log the CLI in again with the new key wherever you used the old one."
            : "Enter your master password to create a key for the Bitwarden CLI."
      }
    >
      {key ? (
        <div className="flex flex-col gap-4">
          <Alert tone="warning" title="It is shown only now">
            Copy the client secret somewhere safe: it will not be shown again. Rotating the key later voids this one.
          </Alert>
          <KeyPart id="api-key-client-id" label="client_id" value={key.clientId} copyLabel="Client ID" />
          <KeyPart
            id="api-key-client-secret"
            label="client_secret"
            value={key.clientSecret}
            copyLabel="Client secret"
          />
          <p className="text-sm text-slate-700">
            Run <code className="font-mono">bw login --apikey</code> and enter these when asked.
          </p>
          <DialogActions>
            <Button onClick={close} data-autofocus>
              Done
            </Button>
          </DialogActions>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {rotate.error && !rotate.fieldErrors.masterPassword ? <Alert tone="error">{rotate.error}</Alert> : null}
          <MasterPasswordField required data-autofocus error={proof.error ?? rotate.fieldErrors.masterPassword} />
          {busy ? (
            <IndeterminateProgress
              label={proof.deriving ? "Checking your master password…" : "Creating your API key…"}
            />
          ) : null}
          <DialogActions>
            <Button variant="secondary" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant={rotating ? "danger" : "primary"} loading={busy}>
              {rotating ? "Rotate key" : "Create key"}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}

function KeyPart({ id, label, value, copyLabel }: { id: string; label: string; value: string; copyLabel: string }) {
  return (
    <div className="flex flex-col gap-1">
      <p id={id} className="text-sm font-medium text-slate-800">
        {label}
      </p>
      <div className="flex items-center gap-2">
        <code
          aria-labelledby={id}
          data-testid={id}
          className="min-w-0 flex-1 rounded bg-slate-100 px-3 py-2 font-mono text-sm break-all"
        >
          {value}
        </code>
        <CopyButton value={value} label={copyLabel} />
      </div>
    </div>
  );
}
