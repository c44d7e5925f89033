"use client";

import { Button } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button-classes";
import { useToast } from "@/components/ui/toast";
import { type ClearClipboardDelay, copyToClipboard, useClipboardSettings } from "@/lib/browser/clipboard";

type CopyButtonProps = {
  value: string;
  /** What is copied, capitalized: "Password", "Username", "Verification code". */
  label: string;
  /** A fuller accessible name when several copy buttons share a screen ("Copy password for GitHub"); it must start with "Copy". */
  accessibleLabel?: string;
  onCopied?: () => void;
  variant?: ButtonVariant;
  className?: string;
};

function clearsIn(seconds: ClearClipboardDelay): string {
  if (seconds === null) return "";
  return seconds < 60
    ? ` It is cleared from the clipboard in ${seconds} seconds.`
    : ` It is cleared from the clipboard in ${seconds / 60} ${seconds === 60 ? "minute" : "minutes"}.`;
}

/** Copies a value (cleared after this device's delay) and says so in a toast that never shows the value. */
export function CopyButton({
  value,
  label,
  accessibleLabel,
  onCopied,
  variant = "secondary",
  className,
}: CopyButtonProps) {
  const toast = useToast();
  const { clearAfterSeconds } = useClipboardSettings();

  async function copy() {
    try {
      await copyToClipboard(value, { clearAfterSeconds });
    } catch {
      toast.show(`${label} not copied: the browser did not allow access to the clipboard.`, "error");
      return;
    }
    toast.show(`${label} copied.${clearsIn(clearAfterSeconds)}`);
    onCopied?.();
  }

  return (
    <Button
      variant={variant}
      className={className}
      onClick={copy}
      disabled={value === ""}
      aria-label={accessibleLabel ?? `Copy ${label.toLowerCase()}`}
    >
      Copy
    </Button>
  );
}
