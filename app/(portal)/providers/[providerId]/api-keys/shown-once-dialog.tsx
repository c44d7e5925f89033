"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { CopyButton } from "@/components/vault-tools/copy-button";

/** A secret the server keeps no readable copy of (or shows no more): shown this once, with a copy button. */
export function ShownOnceDialog({
  title,
  label,
  value,
  warning,
  children,
  onClose,
}: {
  title: string;
  /** Names the secret for the copy button and screen readers ("API key"). */
  label: string;
  value: string;
  warning: string;
  children?: ReactNode;
  onClose: () => void;
}) {
  return (
    <Dialog open onClose={onClose} title={title}>
      <div className="flex flex-col gap-4">
        <Alert tone="warning">{warning}</Alert>
        <div className="flex items-center gap-2">
          <code
            aria-label={label}
            className="min-w-0 flex-1 rounded bg-slate-100 px-3 py-2 font-mono text-sm break-all"
          >
            {value}
          </code>
          <CopyButton value={value} label={label} />
        </div>
        {children}
        <DialogActions>
          <Button onClick={onClose} data-autofocus>
            Done
          </Button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
