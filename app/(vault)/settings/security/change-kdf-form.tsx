"use client";

import { type FormEvent, useState } from "react";
import { MasterPasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";
import { SelectField } from "@/components/ui/select-field";
import {
  ARGON2_ITERATIONS,
  ARGON2_MEMORY_MIB,
  ARGON2_PARALLELISM,
  DEFAULT_KDF_ITERATIONS,
  KDF_ARGON2ID,
  KDF_PBKDF2_SHA256,
  MAX_KDF_ITERATIONS,
  MIN_KDF_ITERATIONS,
  describeKdfConfig,
  kdfConfigOf,
  sameKdfConfig,
  type KdfConfig,
  type KdfType,
} from "@/lib/crypto";
import { changeKdfFormSchema } from "@/lib/validation/account-security";
import { fieldErrorsOf } from "@/lib/validation/errors";
import { changeKdfAction } from "./actions";
import { CHANGE_STEP_LABELS, useMasterCredentialChange } from "./use-master-credential-change";

const number = (value: number) => value.toLocaleString("en");

const ALGORITHMS = [
  { value: String(KDF_PBKDF2_SHA256), label: "PBKDF2 SHA-256" },
  { value: String(KDF_ARGON2ID), label: "Argon2id" },
];

/** What the fields show for an algorithm: the account's own settings if it uses it, Bitwarden's defaults otherwise. */
function initialValues(current: KdfConfig, kdf: KdfType) {
  if (current.kdf === kdf) return current;
  return kdf === KDF_ARGON2ID
    ? {
        kdfIterations: ARGON2_ITERATIONS.default,
        kdfMemory: ARGON2_MEMORY_MIB.default,
        kdfParallelism: ARGON2_PARALLELISM.default,
      }
    : { kdfIterations: DEFAULT_KDF_ITERATIONS, kdfMemory: null, kdfParallelism: null };
}

/** A new KDF (PBKDF2 SHA-256 or Argon2id, and its parameters) for the same master password. */
export function ChangeKdfForm({ email, current }: { email: string; current: KdfConfig }) {
  const [kdf, setKdf] = useState<KdfType>(current.kdf);
  const { change, step, refuse, error, fieldErrors } = useMasterCredentialChange(changeKdfAction, {
    email,
    success: "Your KDF settings were changed.",
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = changeKdfFormSchema.safeParse(Object.fromEntries(new FormData(formElement)));
    if (!form.success) return refuse(fieldErrorsOf(form.error));
    const kdfConfig = kdfConfigOf(form.data);
    if (sameKdfConfig(kdfConfig, current))
      return refuse({ kdf: `Your master key is already derived with ${describeKdfConfig(current)}.` });
    const changed = await change({
      currentPassword: form.data.masterPassword,
      currentField: "masterPassword",
      kdfConfig,
    });
    if (changed) (formElement.elements.namedItem("masterPassword") as HTMLInputElement).value = "";
  }

  const busy = step !== "idle";
  const values = initialValues(current, kdf);
  const argon2id = kdf === KDF_ARGON2ID;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {error && Object.keys(fieldErrors).length === 0 ? <Alert tone="error">{error}</Alert> : null}
      <SelectField
        label="KDF algorithm"
        name="kdf"
        options={ALGORITHMS}
        value={String(kdf)}
        onChange={(event) => setKdf(Number(event.target.value) as KdfType)}
        error={fieldErrors.kdf}
      />
      {/* Keyed by algorithm, so switching shows that algorithm's values. */}
      <div key={kdf} className="flex flex-col gap-4">
        <TextField
          label="KDF iterations"
          name="kdfIterations"
          type="number"
          inputMode="numeric"
          min={argon2id ? ARGON2_ITERATIONS.min : MIN_KDF_ITERATIONS}
          max={argon2id ? ARGON2_ITERATIONS.max : MAX_KDF_ITERATIONS}
          step={1}
          required
          defaultValue={values.kdfIterations}
          error={fieldErrors.kdfIterations}
          description={
            argon2id
              ? `Between ${ARGON2_ITERATIONS.min} and ${ARGON2_ITERATIONS.max}; ${ARGON2_ITERATIONS.default} is the default.`
              : `Between ${number(MIN_KDF_ITERATIONS)} and ${number(MAX_KDF_ITERATIONS)}; ${number(DEFAULT_KDF_ITERATIONS)} is the default.`
          }
        />
        {argon2id ? (
          <>
            <TextField
              label="KDF memory (MiB)"
              name="kdfMemory"
              type="number"
              inputMode="numeric"
              min={ARGON2_MEMORY_MIB.min}
              max={ARGON2_MEMORY_MIB.max}
              step={1}
              required
              defaultValue={values.kdfMemory ?? ARGON2_MEMORY_MIB.default}
              error={fieldErrors.kdfMemory}
              description={`Between ${ARGON2_MEMORY_MIB.min} and ${number(ARGON2_MEMORY_MIB.max)} MiB; ${ARGON2_MEMORY_MIB.default} is the default. Every device that unlocks your vault needs this much memory.`}
            />
            <TextField
              label="KDF parallelism"
              name="kdfParallelism"
              type="number"
              inputMode="numeric"
              min={ARGON2_PARALLELISM.min}
              max={ARGON2_PARALLELISM.max}
              step={1}
              required
              defaultValue={values.kdfParallelism ?? ARGON2_PARALLELISM.default}
              error={fieldErrors.kdfParallelism}
              description={`Between ${ARGON2_PARALLELISM.min} and ${ARGON2_PARALLELISM.max}; ${ARGON2_PARALLELISM.default} is the default.`}
            />
          </>
        ) : null}
      </div>
      <MasterPasswordField required error={fieldErrors.masterPassword} />
      {busy ? <IndeterminateProgress label={CHANGE_STEP_LABELS[step]} /> : null}
      <div>
        <Button type="submit" loading={busy}>
          Change KDF settings
        </Button>
      </div>
    </form>
  );
}
