"use client";

import { type ComponentProps, useState } from "react";
import { TextField } from "@/components/ui/field";
import { MIN_MASTER_PASSWORD_LENGTH } from "@/lib/validation/account";

type PasswordFieldProps = Omit<ComponentProps<typeof TextField>, "type">;

/**
 * A password input with a show/hide toggle. The toggle's own name ("Show <label>") leaves the field's accessible
 * name as it is, so the field is still found by its label alone.
 */
export function PasswordField({ label, autoComplete = "current-password", ...input }: PasswordFieldProps) {
  const [shown, setShown] = useState(false);
  return (
    <div className="relative">
      <TextField
        label={label}
        type={shown ? "text" : "password"}
        autoComplete={autoComplete}
        spellCheck={false}
        className="[&_input]:pr-16"
        {...input}
      />
      <button
        type="button"
        onClick={() => setShown(!shown)}
        disabled={input.disabled}
        className="absolute top-[31px] right-1 rounded px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50"
      >
        {shown ? "Hide" : "Show"}
        <span className="sr-only"> {label.toLowerCase()}</span>
      </button>
    </div>
  );
}

type MasterPasswordFieldProps = Omit<PasswordFieldProps, "label"> & { label?: string };

/** Every form that asks for a master password: labelled "Master password" and named "masterPassword" unless it asks for several. */
export function MasterPasswordField({
  label = "Master password",
  name = "masterPassword",
  ...input
}: MasterPasswordFieldProps) {
  return <PasswordField label={label} name={name} {...input} />;
}

/**
 * A master password being chosen and its confirmation (registration, change). The confirmation is labelled and named
 * after the first field ("Confirm new master password", "confirmNewMasterPassword"); `requirements` is the sentence of
 * the organizations' policy, when one applies.
 */
export function NewMasterPasswordFields({
  label = "Master password",
  name = "masterPassword",
  requirements,
  fieldErrors,
}: {
  label?: string;
  name?: string;
  requirements: string | null;
  fieldErrors: Record<string, string>;
}) {
  const confirmation = `confirm${name[0]!.toUpperCase()}${name.slice(1)}`;
  return (
    <>
      <MasterPasswordField
        label={label}
        name={name}
        autoComplete="new-password"
        required
        error={fieldErrors[name]}
        description={requirements ?? `At least ${MIN_MASTER_PASSWORD_LENGTH} characters. A long passphrase is best.`}
      />
      <MasterPasswordField
        label={`Confirm ${label.toLowerCase()}`}
        name={confirmation}
        autoComplete="new-password"
        required
        error={fieldErrors[confirmation]}
      />
    </>
  );
}
