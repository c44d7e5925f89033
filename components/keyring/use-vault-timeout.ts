"use client";

import { useEffect } from "react";
import {
  remainingBeforeTimeout,
  useVaultTimeoutSettings,
  type VaultTimeoutAction,
} from "@/lib/browser/keyring/vault-timeout";

/** What counts as using the vault: the pointer and the keyboard (a tab coming back into view is checked, then counts too). */
const ACTIVITY_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel"] as const;

/**
 * Calls `onTimeout` with the device's timeout action once this tab has seen no activity for the device's vault
 * timeout (lib/browser/keyring/vault-timeout.ts), while `active` (the vault is unlocked). A hidden tab's timers may be
 * delayed by the browser, so a tab becoming visible again checks the time first.
 */
export function useVaultTimeout(active: boolean, onTimeout: (action: VaultTimeoutAction) => void): void {
  const { settings } = useVaultTimeoutSettings();

  useEffect(() => {
    const minutes = settings.timeout;
    if (!active || minutes === null) return;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const isDue = () => remainingBeforeTimeout(minutes, lastActivity, Date.now()) <= 0;

    const stop = () => {
      clearTimeout(timer);
      ACTIVITY_EVENTS.forEach((type) => window.removeEventListener(type, onActivity, true));
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
    const fire = () => {
      stop();
      onTimeout(settings.action);
    };
    // Activity only moves the deadline; the timer, when it wakes, sleeps again for whatever is left.
    const check = () => {
      if (isDue()) return fire();
      timer = setTimeout(check, remainingBeforeTimeout(minutes, lastActivity, Date.now()));
    };
    function onActivity() {
      lastActivity = Date.now();
    }
    function onVisibilityChange() {
      if (document.visibilityState !== "visible") return;
      if (isDue()) return fire();
      onActivity();
    }

    ACTIVITY_EVENTS.forEach((type) => window.addEventListener(type, onActivity, { capture: true, passive: true }));
    document.addEventListener("visibilitychange", onVisibilityChange);
    check();
    return stop;
  }, [active, settings, onTimeout]);
}
