"use client";

import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { formatMoment } from "@/components/provider-access/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ProviderApiAccess } from "@/lib/enums";
import { createProviderApiKeySchema } from "@/lib/validation/provider-api-keys";
import { createProviderApiKeyAction, revokeProviderApiKeyAction } from "./actions";
import { ShownOnceDialog } from "./shown-once-dialog";

export type ApiKeyView = {
  id: string;
  name: string;
  access: ProviderApiAccess;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const ACCESS_LABELS: Record<ProviderApiAccess, string> = { read: "Read-only", write: "Read and write" };

export function ApiKeysManager({ providerId, keys }: { providerId: string; keys: ApiKeyView[] }) {
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const revoke = useAction(revokeProviderApiKeyAction, { success: (result) => `${result.name} is revoked.` });

  async function confirmRevoke() {
    if (!revoking) return;
    const result = await revoke.run({ providerId, keyId: revoking.id });
    if (result.ok) setRevoking(null);
  }

  return (
    <>
      <div className="mb-4 flex justify-end">
        <Button onClick={() => setCreating(true)}>
          <Plus aria-hidden="true" className="size-4" />
          New API key
        </Button>
      </div>
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet.">A key lets your PSA or RMM tool read your clients and usage.</EmptyState>
      ) : (
        <Table caption="API keys">
          <THead>
            <TH>Name</TH>
            <TH>Access</TH>
            <TH>Created</TH>
            <TH>Last used</TH>
            <TH align="right">
              <span className="sr-only">Actions</span>
            </TH>
          </THead>
          <TBody>
            {keys.map((key) => (
              <TR key={key.id}>
                <RowHeader>{key.name}</RowHeader>
                <TD>{ACCESS_LABELS[key.access]}</TD>
                <TD>
                  {formatMoment(key.createdAt)}
                  {key.createdBy ? <span className="block text-xs text-slate-600">by {key.createdBy}</span> : null}
                </TD>
                <TD>{key.lastUsedAt ? formatMoment(key.lastUsedAt) : "Never"}</TD>
                <TD align="right">
                  {key.revokedAt ? (
                    <span className="text-sm text-slate-600">Revoked {formatMoment(key.revokedAt)}</span>
                  ) : (
                    <Button variant="secondary" onClick={() => setRevoking(key)}>
                      Revoke<span className="sr-only"> {key.name}</span>
                    </Button>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {creating ? <CreateKeyDialog providerId={providerId} onClose={() => setCreating(false)} /> : null}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name}?`}
        message={
          <>
            {revoke.error ? <span className="mb-2 block text-red-700">{revoke.error}</span> : null}
            Tools using this key are refused from now on. This cannot be undone; make a new key instead.
          </>
        }
        confirmLabel="Revoke key"
        tone="danger"
        busy={revoke.busy}
        onConfirm={() => void confirmRevoke()}
        onCancel={() => setRevoking(null)}
      />
    </>
  );
}

/** Names the key and its access; once made, shows it (the only time) with a copy button. */
function CreateKeyDialog({ providerId, onClose }: { providerId: string; onClose: () => void }) {
  const [made, setMade] = useState<string | null>(null);
  const create = useAction(createProviderApiKeyAction, {
    schema: createProviderApiKeySchema,
    success: () => "The API key was created.",
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await create.run({ providerId, name: form.get("name"), access: form.get("access") });
    if (result.ok) setMade(result.key);
  }

  if (made)
    return (
      <ShownOnceDialog
        title="Your new API key"
        label="API key"
        value={made}
        warning="Copy the key now and keep it in your tool's secret store: it is not shown again."
        onClose={onClose}
      />
    );

  return (
    <Dialog open onClose={onClose} busy={create.busy} title="New API key">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {create.error ? <Alert tone="error">{create.error}</Alert> : null}
        <TextField label="Name" name="name" required maxLength={50} error={create.fieldErrors.name} data-autofocus />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">Access</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="access" value="read" defaultChecked />
            Read-only: clients, members, usage, invoices and events
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="access" value="write" />
            Read and write: also create clients, change seats and unlink clients
          </label>
        </fieldset>
        <DialogFormActions onCancel={onClose} busy={create.busy} submitLabel="Create key" />
      </form>
    </Dialog>
  );
}
