"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { Button } from "./button";
import { cn } from "./cn";

type DialogProps = {
  open: boolean;
  /** Called when the person asks to close: Escape or the Close button. The owner decides by setting `open`. */
  onClose: () => void;
  title: string;
  description?: ReactNode;
  /** While busy (the dialog's work is running) Escape and Close do nothing. */
  busy?: boolean;
  children?: ReactNode;
  /** Forms with many fields want more room. */
  size?: "md" | "lg" | "xl";
};

const SIZES = { md: "max-w-lg", lg: "max-w-2xl", xl: "max-w-3xl" } as const;

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` gives the top layer, the inert background and
 * the focus trap; it is named by its title. On opening, the element marked `data-autofocus` (or else the first
 * focusable one) takes focus; on closing, focus returns to whatever opened it. Content is rendered only while
 * open, so forms inside start afresh each time.
 */
export function Dialog({ open, onClose, title, description, busy = false, children, size = "md" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      // Escape: let the owner close it (so its state stays the truth), unless work is running.
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      // The browser can still close it by force (a second Escape); keep the owner's state in step.
      onClose={() => {
        if (open) onClose();
      }}
      className={cn(
        // Reset what the opener's surroundings (a right-aligned table cell, a heading) would otherwise pass down.
        "m-auto w-[calc(100%-2rem)] rounded-lg border border-slate-200 bg-white p-0 text-left text-sm font-normal whitespace-normal text-slate-900 shadow-xl backdrop:bg-black/50",
        SIZES[size],
      )}
    >
      {open ? (
        <div className="flex flex-col gap-4 p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              disabled={busy}
              aria-label="Close"
              className="-mt-1 -mr-2 rounded px-2 text-xl leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-800 disabled:opacity-50"
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
          {description ? (
            <div id={descriptionId} className="text-sm text-slate-700">
              {description}
            </div>
          ) : null}
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** The row of buttons at the bottom of a dialog, main action last. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-2 flex flex-wrap justify-end gap-2">{children}</div>;
}

/** The actions of a form in a dialog: Cancel (off while busy), then the form's submit button. */
export function DialogFormActions({
  onCancel,
  busy,
  submitLabel = "Save",
}: {
  onCancel: () => void;
  busy: boolean;
  submitLabel?: string;
}) {
  return (
    <DialogActions>
      <Button variant="secondary" onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </DialogActions>
  );
}

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  /** What will happen, in a sentence or two: the dialog's description. */
  message: ReactNode;
  confirmLabel: string;
  /** "danger" for what removes, disables or cannot be undone. */
  tone?: "primary" | "danger";
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before doing something that matters. Cancel takes the focus, so Enter does not confirm by accident. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  tone = "primary",
  busy = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onCancel} title={title} description={message} busy={busy}>
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={busy} data-autofocus>
          Cancel
        </Button>
        <Button variant={tone === "danger" ? "danger" : "primary"} loading={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
