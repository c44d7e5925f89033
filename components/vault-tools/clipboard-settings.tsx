"use client";

import { useId } from "react";
import { SelectField } from "@/components/ui/select-field";
import { CLEAR_CLIPBOARD_CHOICES, useClipboardSettings } from "@/lib/browser/clipboard";

const NEVER = "never";

/** The device's clipboard delay: how long a copied password, username or code stays on the clipboard. */
export function ClipboardSettings({ className }: { className?: string }) {
  const { clearAfterSeconds, setClearAfterSeconds } = useClipboardSettings();
  const descriptionId = useId();
  return (
    <div className={className}>
      <SelectField
        label="Clear clipboard"
        aria-describedby={descriptionId}
        options={CLEAR_CLIPBOARD_CHOICES.map((choice) => ({
          value: choice.seconds === null ? NEVER : String(choice.seconds),
          label: choice.label,
        }))}
        value={clearAfterSeconds === null ? NEVER : String(clearAfterSeconds)}
        onChange={(event) => setClearAfterSeconds(event.target.value === NEVER ? null : Number(event.target.value))}
      />
      <p id={descriptionId} className="mt-1 text-xs text-slate-600">
        How long what you copy from the vault stays on the clipboard. Saved on this device only; the clipboard is
        cleared only while it still holds what you copied.
      </p>
    </div>
  );
}
