import { type InputHTMLAttributes, useId } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string; hint?: string };

/** A labelled checkbox; `role="switch"` makes it an on/off switch for assistive technology. */
export function CheckboxField({ label, hint, id, ...input }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="flex items-start gap-2">
      <input
        id={inputId}
        type="checkbox"
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-brand-600"
        {...input}
      />
      <div className="text-sm">
        <label htmlFor={inputId} className="font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${inputId}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
