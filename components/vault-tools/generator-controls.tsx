"use client";

import { type InputHTMLAttributes, type ReactNode, useId, useState } from "react";
import { TextField } from "@/components/ui/field";

/** A checkbox with its label beside it. */
export function CheckboxOption({
  label,
  id,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: ReactNode }) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="flex items-center gap-2 text-sm">
      <input
        id={inputId}
        type="checkbox"
        className="h-4 w-4 rounded border-slate-300 accent-brand-600 disabled:opacity-60"
        {...input}
      />
      <label htmlFor={inputId} className="font-medium text-slate-800">
        {label}
      </label>
    </div>
  );
}

type NumberOptionProps = {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
  disabled?: boolean;
  className?: string;
};

/**
 * A whole-number option. What is typed stays in the field while it is out of bounds (typing "30" passes through
 * "3"), and only whole numbers within bounds reach the generator; leaving the field shows the value in use.
 */
export function NumberOption({ label, value, min, max, onCommit, disabled, className }: NumberOptionProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const typed = draft === null ? null : Number(draft);
  const invalid = typed !== null && !(draft !== "" && Number.isInteger(typed) && typed >= min && typed <= max);
  return (
    <TextField
      label={label}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      value={draft ?? String(value)}
      disabled={disabled}
      className={className}
      description={`From ${min} to ${max}.`}
      error={invalid ? `Enter a whole number from ${min} to ${max}.` : undefined}
      onChange={(event) => {
        const raw = event.target.value;
        setDraft(raw);
        const number = Number(raw);
        if (raw !== "" && Number.isInteger(number) && number >= min && number <= max) onCommit(number);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
