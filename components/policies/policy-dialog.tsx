"use client";

import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogFormActions } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";
import { POLICY_INFO, SINGLE_ORG_WARNING, TWO_STEP_LOGIN_NOTE } from "@/lib/policies/catalog";
import type { ActionResult } from "@/lib/authz/action";
import type { PolicyState } from "@/lib/policies/types";
import { GeneratorFields, readGeneratorFields } from "./generator-fields";
import { MasterPasswordFields, readMasterPasswordFields } from "./master-password-fields";

type Props = {
  policy: PolicyState;
  /**
   * Whose policy it is: an organization's (the console: on or off), or a provider's baseline (in or out). The action
   * takes these fields beside the policy, and the schema checks the whole input in the browser first.
   */
  tenant: { organizationId: string } | { providerId: string };
  action: (input: never) => Promise<ActionResult<{ enabled: boolean }>>;
  schema: z.ZodType;
  onClose: () => void;
};

/** The form's values for this policy's `data`; policies without options carry none. */
function readData(policy: PolicyState, form: FormData) {
  if (policy.type === "master_password") return readMasterPasswordFields(form);
  if (policy.type === "password_generator") return readGeneratorFields(form);
  return null;
}

const BASELINE_HINT =
  "Covered clients must have this policy on, with each option at least as strict as here. Applying the baseline turns it on where it is off or weaker.";

function PolicyOptions({ policy, errors }: { policy: PolicyState; errors: Record<string, string> }) {
  if (policy.type === "master_password") return <MasterPasswordFields defaults={policy.data} errors={errors} />;
  if (policy.type === "password_generator") return <GeneratorFields defaults={policy.data} errors={errors} />;
  return null;
}

/**
 * One policy's switch and options. In an organization, turning single organization on asks first, saying what it
 * does to members who belong to other organizations; a baseline changes no organization until it is applied.
 */
export function PolicyDialog({ policy, tenant, action, schema, onClose }: Props) {
  const info = POLICY_INFO[policy.type];
  const baseline = "providerId" in tenant;
  const [awaitingConfirmation, setAwaitingConfirmation] = useState<unknown>(null);
  const { run, busy, error, fieldErrors } = useAction(action, {
    schema,
    success: (saved) =>
      baseline
        ? `${info.name} is ${saved.enabled ? "in" : "out of"} the baseline.`
        : `${info.name} is ${saved.enabled ? "on" : "off"}.`,
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
      ...tenant,
      type: policy.type,
      enabled: form.get("enabled") === "on",
      data: readData(policy, form),
    };
    if (!baseline && policy.type === "single_org" && input.enabled && !policy.enabled) setAwaitingConfirmation(input);
    else void save(input);
  }

  const confirming = awaitingConfirmation !== null;
  return (
    <Dialog open onClose={onClose} busy={busy} title={info.name} description={info.description}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {/* Hidden, not unmounted, while confirming: going back keeps what was entered. */}
      <form onSubmit={onSubmit} noValidate hidden={confirming} className="flex flex-col gap-4">
        <Switch
          label={baseline ? "Include in the baseline" : "Turn on"}
          name="enabled"
          defaultChecked={policy.enabled}
          hint={baseline ? BASELINE_HINT : info.appliesTo}
          data-autofocus
        />
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
