import { type InputHTMLAttributes, useId } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "role"> & { label: string; hint?: string };

/**
 * An on/off switch: a native checkbox with the switch role (keyboard, form value and label come with it), drawn
 * as a track and knob that follow its checked and focus states.
 */
export function SwitchField({ label, hint, id, ...input }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="flex items-start gap-3">
      {/* The input itself, transparent, lies over the drawing: it takes the clicks, the focus and the keyboard. */}
      <span className="relative mt-0.5 inline-flex h-5 w-9 shrink-0">
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          aria-describedby={hint ? `${inputId}-hint` : undefined}
          className="peer absolute inset-0 z-10 m-0 h-full w-full cursor-pointer opacity-0"
          {...input}
        />
        <span
          aria-hidden="true"
          className="h-5 w-9 rounded-full bg-slate-300 transition-colors peer-checked:bg-brand-600 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 peer-focus-visible:ring-offset-2"
        />
        <span
          aria-hidden="true"
          className="absolute top-0.5 left-0.5 h-4 w-4 rounded-full bg-white shadow transition-transform peer-checked:translate-x-4"
        />
      </span>
      <div className="text-sm">
        <label htmlFor={inputId} className="cursor-pointer font-medium text-slate-800">
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
