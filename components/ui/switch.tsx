"use client";

import { Switch as SwitchPrimitive } from "radix-ui";
import { type ComponentProps, useId } from "react";

type SwitchProps = Omit<ComponentProps<typeof SwitchPrimitive.Root>, "id" | "children"> & {
  label: string;
  /** A line under the label, announced with the switch. */
  hint?: string;
};

/**
 * An on/off switch with a visible label, on Radix Switch (role switch, Space toggles; inside a form it submits
 * `name=on` when on, like a checkbox).
 */
export function Switch({ label, hint, ...props }: SwitchProps) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <SwitchPrimitive.Root
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full bg-slate-300 p-0.5 transition-colors disabled:cursor-not-allowed disabled:opacity-50 data-[state=checked]:bg-brand-600"
        {...props}
      >
        <SwitchPrimitive.Thumb className="size-4 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-4" />
      </SwitchPrimitive.Root>
      <div className="text-sm">
        <label htmlFor={id} className="cursor-pointer font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
