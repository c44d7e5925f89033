"use client";

import { X } from "lucide-react";
import { Toast as ToastPrimitive } from "radix-ui";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { cn } from "./cn";

type Toast = { id: number; tone: "success" | "error" | "info"; message: string };
type ToastApi = { show: (message: string, tone?: Toast["tone"]) => void };

const ToastContext = createContext<ToastApi | null>(null);

const TONES = { success: "bg-emerald-700", error: "bg-red-700", info: "bg-slate-800" } as const;

/**
 * Result messages that appear for six seconds in the bottom-right corner, on Radix Toast (paused while hovered or
 * focused, F8 reaches them, a swipe or the close button dismisses them). Each message is a status (an error an
 * alert) inside the viewport's polite live region, which announces it; Radix's own announcer is left out of the
 * message, so nothing is read twice.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const show = useCallback((message: string, tone: Toast["tone"] = "success") => {
    setToasts((current) => [...current, { id: Date.now() + Math.random(), tone, message }]);
  }, []);
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      <ToastPrimitive.Provider duration={6000} swipeDirection="right">
        {children}
        {toasts.map((toast) => (
          <ToastPrimitive.Root
            key={toast.id}
            type={toast.tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => {
              if (!open) dismiss(toast.id);
            }}
            className={cn(
              "flex items-start justify-between gap-3 rounded-md px-4 py-3 text-sm text-on-accent shadow-lg data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)] data-[swipe=end]:translate-x-full",
              TONES[toast.tone],
            )}
          >
            <div role={toast.tone === "error" ? "alert" : "status"} data-radix-toast-announce-exclude="">
              {toast.message}
            </div>
            <ToastPrimitive.Close aria-label="Dismiss" className="-mr-1 shrink-0 rounded p-0.5 hover:bg-white/20">
              <X aria-hidden="true" className="size-4" />
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        ))}
        <ToastPrimitive.Viewport
          aria-live="polite"
          className="fixed right-4 bottom-4 z-[60] flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2 outline-none"
        />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast needs a ToastProvider");
  return api;
}
