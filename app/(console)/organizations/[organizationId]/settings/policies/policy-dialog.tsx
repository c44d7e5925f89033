"use client";

import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogFormActions } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";
import { POLICY_INFO, SINGLE_ORG_WARNING, TWO_STEP_LOGIN_NOTE } from "@/lib/policies/catalog";
import type { PolicyState } from "@/lib/policies/types";
import { updatePolicySchema } from "@/lib/validation/policies";
import { updatePolicyAction } from "./actions";
import { GeneratorFields, readGeneratorFields } from "./generator-fields";
import { MasterPasswordFields, readMasterPasswordFields } from "./master-password-fields";

type Props = { organizationId: string; policy: PolicyState; onClose: () => void };

/** The form's values for this policy's `data`; policies without options carry none. */
function readData(policy: PolicyState, form: FormData) {
  if (policy.type === "master_password") return readMasterPasswordFields(form);
  if (policy.type === "password_generator") return readGeneratorFields(form);
  return null;
}

function PolicyOptions({ policy, errors }: { policy: PolicyState; errors: Record<string, string> }) {
  if (policy.type === "master_password") return <MasterPasswordFields defaults={policy.data} errors={errors} />;
  if (policy.type === "password_generator") return <GeneratorFields defaults={policy.data} errors={errors} />;
  return null;
}

/**
 * One policy's switch and options. Turning single organization on asks first, saying what it does to members
 * who belong to other organizations.
 */
export function PolicyDialog({ organizationId, policy, onClose }: Props) {
  const info = POLICY_INFO[policy.type];
  const [awaitingConfirmation, setAwaitingConfirmation] = useState<unknown>(null);
  const { run, busy, error, fieldErrors } = useAction(updatePolicyAction, {
    schema: updatePolicySchema,
    success: (saved) => `${info.name} is ${saved.enabled ? "on" : "off"}.`,
  });

  async function save(input: unknown) {
    const saved = await run(input);
    if (saved.ok) onClose();
    else setAwaitingConfirmation(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      organizationId,
      type: policy.type,
      enabled: form.get("enabled") === "on",
      data: readData(policy, form),
    };
    if (policy.type === "single_org" && input.enabled && !policy.enabled) setAwaitingConfirmation(input);
    else void save(input);
  }

  const confirming = awaitingConfirmation !== null;
  return (
    <Dialog open onClose={onClose} busy={busy} title={info.name} description={info.description}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {/* Hidden, not unmounted, while confirming: going back keeps what was entered. */}
      <form onSubmit={onSubmit} noValidate hidden={confirming} className="flex flex-col gap-4">
        <Switch label="Turn on" name="enabled" defaultChecked={policy.enabled} hint={info.appliesTo} data-autofocus />
        {policy.type === "two_factor_authentication" ? <Alert tone="info">{TWO_STEP_LOGIN_NOTE}</Alert> : null}
        <PolicyOptions policy={policy} errors={fieldErrors} />
        <DialogFormActions onCancel={onClose} busy={busy} />
      </form>
      {confirming ? (
        <div className="flex flex-col gap-4">
          <Alert tone="warning" title="Turn on single organization?">
            {SINGLE_ORG_WARNING}
          </Alert>
          <DialogActions>
            <Button variant="secondary" onClick={() => setAwaitingConfirmation(null)} disabled={busy} autoFocus>
              Back
            </Button>
            <Button loading={busy} onClick={() => void save(awaitingConfirmation)}>
              Turn on single organization
            </Button>
          </DialogActions>
        </div>
      ) : null}
    </Dialog>
  );
}
