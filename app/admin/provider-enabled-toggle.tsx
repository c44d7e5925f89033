"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { setProviderEnabledSchema } from "@/lib/validation/operator";
import { setProviderEnabled } from "./actions";
import { useActionDialog } from "@/components/forms/use-action-dialog";

type Provider = { id: string; name: string; enabled: boolean; clients: number };

const clientOrganizations = (count: number) => `${count} client ${count === 1 ? "organization" : "organizations"}`;

/** "Disable" or "Enable", after a confirmation that says what happens to the provider's clients. */
export function ProviderEnabledToggle({ provider }: { provider: Provider }) {
  const enabling = !provider.enabled;
  const verb = enabling ? "Enable" : "Disable";
  const { open, show, close, submit, busy, error } = useActionDialog(setProviderEnabled, {
    schema: setProviderEnabledSchema,
    success: (changed) =>
      changed.enabled
        ? `Enabled ${changed.name}. Its ${clientOrganizations(changed.clients)} are restored.`
        : `Disabled ${changed.name} and its ${clientOrganizations(changed.clients)}.`,
  });

  async function confirm() {
    await submit({ providerId: provider.id, enabled: enabling });
  }

  const consequence = enabling
    ? `Enabling ${provider.name} restores its ${clientOrganizations(provider.clients)}; disabling disables them again.`
    : `Disabling ${provider.name} disables its ${clientOrganizations(provider.clients)}; enabling restores them.`;
  return (
    <>
      <Button variant="secondary" onClick={show}>
        {verb}
        <span className="sr-only"> {provider.name}</span>
      </Button>
      <ConfirmDialog
        open={open}
        title={`${verb} ${provider.name}?`}
        message={
          <>
            <p>{consequence}</p>
            {error ? (
              <Alert tone="error" className="mt-3">
                {error}
              </Alert>
            ) : null}
          </>
        }
        confirmLabel={`${verb} provider`}
        tone={enabling ? "primary" : "danger"}
        busy={busy}
        onConfirm={confirm}
        onCancel={close}
      />
    </>
  );
}
