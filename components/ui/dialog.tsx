"use client";

import { X } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { type ReactNode, useRef } from "react";
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
 * A modal dialog on Radix Dialog: portal, inert background, focus trap and Escape come from it; it is named by its
 * title. On opening, the element marked `data-autofocus` (or else the first focusable one) takes focus; on closing,
 * focus returns to whatever had it before. Content is rendered only while open, so forms inside start afresh each
 * time. A click outside does not close it: a half-filled form is not lost to a stray click.
 */
export function Dialog({ open, onClose, title, description, busy = false, children, size = "md" }: DialogProps) {
  // Radix returns focus to its own Trigger; these dialogs are opened by their owner's state, so the opener is
  // whatever held the focus when the dialog took it (a menu hands it back to its button before acting).
  const opener = useRef<HTMLElement | null>(null);
  return (
    <DialogPrimitive.Root
      open={open}
      onOpenChange={(next) => {
        if (!next && !busy) onClose();
      }}
    >
      <DialogPrimitive.Portal>
        {/* The overlay scrolls, so a dialog taller than a phone's screen can still be read to its end. */}
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 grid place-items-center overflow-y-auto bg-black/50 p-4">
          <DialogPrimitive.Content
            // Without a description, say so (Radix would otherwise point at a description that is not there).
            {...(description ? {} : { "aria-describedby": undefined })}
            onOpenAutoFocus={(event) => {
              opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
              const wanted = (event.currentTarget as HTMLElement).querySelector<HTMLElement>("[data-autofocus]");
              if (wanted) {
                event.preventDefault();
                wanted.focus();
              }
            }}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              if (opener.current?.isConnected) opener.current.focus();
            }}
            onEscapeKeyDown={(event) => {
              if (busy) event.preventDefault();
            }}
            onPointerDownOutside={(event) => event.preventDefault()}
            className={cn(
              "flex w-full flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-900 shadow-xl focus:outline-none",
              SIZES[size],
            )}
          >
            <div className="flex items-start justify-between gap-4">
              <DialogPrimitive.Title className="min-w-0 text-lg font-semibold break-words">
                {title}
              </DialogPrimitive.Title>
              <DialogPrimitive.Close
                disabled={busy}
                aria-label="Close"
                className="-mt-1 -mr-2 shrink-0 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 disabled:opacity-50"
              >
                <X aria-hidden="true" className="size-5" />
              </DialogPrimitive.Close>
            </div>
            {description ? (
              <DialogPrimitive.Description asChild>
                <div className="text-sm text-slate-700">{description}</div>
              </DialogPrimitive.Description>
            ) : null}
            {children}
          </DialogPrimitive.Content>
        </DialogPrimitive.Overlay>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
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
