import { type InputHTMLAttributes, useId } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string };

/** A checkbox with its label beside it. */
export function CheckboxField({ label, id, ...input }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="flex items-center gap-2 text-sm">
      <input id={inputId} type="checkbox" className="h-4 w-4 rounded border-slate-300 accent-brand-600" {...input} />
      <label htmlFor={inputId} className="font-medium text-slate-800">
        {label}
      </label>
    </div>
  );
}
