"use client";

import { type ReactNode, useId, useState } from "react";
import { cn } from "@/components/ui/cn";

/** Small controlled inputs for the item form (the form keeps the whole item in state). */

const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";

export function TextInput({
  label,
  value,
  onChange,
  type = "text",
  autoComplete = "off",
  mono,
  action,
  initialFocus,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  type?: string;
  autoComplete?: string;
  mono?: boolean;
  action?: ReactNode;
  /** Takes the focus when its dialog opens (rather than the dialog's Close button). */
  initialFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type={type}
          value={value ?? ""}
          autoComplete={autoComplete}
          spellCheck={false}
          data-autofocus={initialFocus || undefined}
          onChange={(event) => onChange(event.target.value === "" ? null : event.target.value)}
          className={cn(inputClass, mono && "font-mono")}
        />
        {action}
      </div>
    </div>
  );
}

/** A secret input with a show/hide toggle (hidden by default). */
export function SecretInput({
  label,
  value,
  onChange,
  action,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  action?: ReactNode;
}) {
  const [shown, setShown] = useState(false);
  return (
    <TextInput
      label={label}
      value={value}
      onChange={onChange}
      type={shown ? "text" : "password"}
      autoComplete="new-password"
      mono
      action={
        <>
          <button
            type="button"
            onClick={() => setShown(!shown)}
            className="rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-50"
          >
            {shown ? "Hide" : "Show"}
            <span className="sr-only"> {label.toLowerCase()}</span>
          </button>
          {action}
        </>
      }
    />
  );
}

export function TextArea({
  label,
  value,
  onChange,
  rows = 4,
  maxLength,
  mono,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  rows?: number;
  maxLength?: number;
  mono?: boolean;
}) {
  const id = useId();
  const length = value?.length ?? 0;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        value={value ?? ""}
        spellCheck={false}
        aria-describedby={maxLength ? `${id}-count` : undefined}
        onChange={(event) => onChange(event.target.value === "" ? null : event.target.value)}
        className={cn(inputClass, mono && "font-mono text-xs")}
      />
      {maxLength ? (
        <p id={`${id}-count`} className={cn("text-xs", length > maxLength ? "text-red-700" : "text-slate-600")}>
          {length.toLocaleString("en")} of {maxLength.toLocaleString("en")} characters
        </p>
      ) : null}
    </div>
  );
}

export function SelectInput({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className={inputClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{title}</legend>
      {children}
    </fieldset>
  );
}
