"use client";

import { useId, useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { applyTheme } from "@/lib/browser/theme";
import { THEME_CHOICES, type ThemeChoice } from "@/lib/theme";

/** Light, dark, or whatever the system uses (the default). */
export function ThemeSettings({ initial, className }: { initial: ThemeChoice; className?: string }) {
  const [theme, setTheme] = useState(initial);
  const descriptionId = useId();
  return (
    <div className={className}>
      <SelectField
        label="Theme"
        aria-describedby={descriptionId}
        options={THEME_CHOICES.map((choice) => ({ value: choice.value, label: choice.label }))}
        value={theme}
        onChange={(event) => {
          const choice = event.target.value as ThemeChoice;
          setTheme(choice);
          applyTheme(choice);
        }}
      />
      <p id={descriptionId} className="mt-1 text-xs text-slate-600">
        The system default follows your device&apos;s light or dark setting. Saved on this device only.
      </p>
    </div>
  );
}
