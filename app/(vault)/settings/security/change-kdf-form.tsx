"use client";

import { type FormEvent } from "react";
import { MasterPasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";
import { DEFAULT_KDF_ITERATIONS, MAX_KDF_ITERATIONS, MIN_KDF_ITERATIONS } from "@/lib/crypto";
import { changeKdfFormSchema } from "@/lib/validation/account-security";
import { fieldErrorsOf } from "@/lib/validation/errors";
import { changeKdfAction } from "./actions";
import { CHANGE_STEP_LABELS, useMasterCredentialChange } from "./use-master-credential-change";

const number = (value: number) => value.toLocaleString("en");

/** New PBKDF2 iterations for the same master password. */
export function ChangeKdfForm({ email, kdfIterations }: { email: string; kdfIterations: number }) {
  const { change, step, refuse, error, fieldErrors } = useMasterCredentialChange(changeKdfAction, {
    email,
    success: "Your KDF iterations were changed.",
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = changeKdfFormSchema.safeParse(Object.fromEntries(new FormData(formElement)));
    if (!form.success) return refuse(fieldErrorsOf(form.error));
    if (form.data.kdfIterations === kdfIterations)
      return refuse({ kdfIterations: `Your master key already uses ${number(kdfIterations)} iterations.` });
    const changed = await change({
      currentPassword: form.data.masterPassword,
      currentField: "masterPassword",
      iterations: form.data.kdfIterations,
    });
    if (changed) (formElement.elements.namedItem("masterPassword") as HTMLInputElement).value = "";
  }

  const busy = step !== "idle";
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {error && Object.keys(fieldErrors).length === 0 ? <Alert tone="error">{error}</Alert> : null}
      <TextField label="KDF algorithm" name="kdf" value="PBKDF2 SHA-256" readOnly disabled />
      <TextField
        label="KDF iterations"
        name="kdfIterations"
        type="number"
        inputMode="numeric"
        min={MIN_KDF_ITERATIONS}
        max={MAX_KDF_ITERATIONS}
        step={1}
        required
        defaultValue={kdfIterations}
        error={fieldErrors.kdfIterations}
        description={`Between ${number(MIN_KDF_ITERATIONS)} and ${number(MAX_KDF_ITERATIONS)}; ${number(DEFAULT_KDF_ITERATIONS)} is the default.`}
      />
      <MasterPasswordField required error={fieldErrors.masterPassword} />
      {busy ? <IndeterminateProgress label={CHANGE_STEP_LABELS[step]} /> : null}
      <div>
        <Button type="submit" loading={busy}>
          Change KDF iterations
        </Button>
      </div>
    </form>
  );
}
