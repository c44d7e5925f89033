import "client-only";
import { createDeviceSetting } from "@/lib/browser/device-setting";

/**
 * The vault timeout of this device (Bitwarden's options for the web vault): after this much inactivity in a tab
 * its keys are dropped, and the action says whether the tab then locks (master password to unlock) or logs out
 * (email, master password and two-step login again). Stored in localStorage, so it is per device, never sent.
 */

/** Minutes of inactivity; null: only closing the browser ends it (the keys live in tab-scoped sessionStorage). */
export type VaultTimeout = number | null;
export type VaultTimeoutAction = "lock" | "logOut";
export type VaultTimeoutSettings = { timeout: VaultTimeout; action: VaultTimeoutAction };

export const VAULT_TIMEOUT_CHOICES: readonly { minutes: VaultTimeout; label: string }[] = [
  { minutes: 1, label: "1 minute" },
  { minutes: 5, label: "5 minutes" },
  { minutes: 15, label: "15 minutes" },
  { minutes: 30, label: "30 minutes" },
  { minutes: 60, label: "1 hour" },
  { minutes: 240, label: "4 hours" },
  { minutes: null, label: "On browser restart" },
];

export const VAULT_TIMEOUT_ACTIONS: readonly { value: VaultTimeoutAction; label: string }[] = [
  { value: "lock", label: "Lock" },
  { value: "logOut", label: "Log out" },
];

/** Bitwarden's web vault defaults: lock after 15 minutes. */
export const DEFAULT_VAULT_TIMEOUT_SETTINGS: VaultTimeoutSettings = { timeout: 15, action: "lock" };

const STORAGE_KEY = "keyhouse.vaultTimeout";

function isTimeout(value: unknown): value is VaultTimeout {
  return VAULT_TIMEOUT_CHOICES.some((choice) => choice.minutes === value);
}

function isAction(value: unknown): value is VaultTimeoutAction {
  return VAULT_TIMEOUT_ACTIONS.some((choice) => choice.value === value);
}

/** Stored settings, or the defaults for anything missing or unknown. */
export function parseVaultTimeoutSettings(stored: string | null): VaultTimeoutSettings {
  try {
    const parsed = JSON.parse(stored ?? "{}") as Partial<Record<keyof VaultTimeoutSettings, unknown>>;
    return {
      timeout: isTimeout(parsed.timeout) ? parsed.timeout : DEFAULT_VAULT_TIMEOUT_SETTINGS.timeout,
      action: isAction(parsed.action) ? parsed.action : DEFAULT_VAULT_TIMEOUT_SETTINGS.action,
    };
  } catch {
    return DEFAULT_VAULT_TIMEOUT_SETTINGS;
  }
}

const vaultTimeoutSetting = createDeviceSetting<VaultTimeoutSettings>({
  storageKey: STORAGE_KEY,
  fallback: DEFAULT_VAULT_TIMEOUT_SETTINGS,
  parse: parseVaultTimeoutSettings,
  serialize: (settings) => JSON.stringify(settings),
  isValid: (settings) => isTimeout(settings.timeout) && isAction(settings.action),
  invalidMessage: "Choose one of the vault timeouts on offer.",
});

/** This device's vault timeout and a way to change it (the server render sees the defaults). */
export function useVaultTimeoutSettings(): {
  settings: VaultTimeoutSettings;
  setSettings: (settings: VaultTimeoutSettings) => void;
} {
  return { settings: vaultTimeoutSetting.useValue(), setSettings: vaultTimeoutSetting.write };
}

/** Milliseconds left before the timeout fires, counting from the last activity (0 or less: it is due). */
export function remainingBeforeTimeout(timeout: number, lastActivity: number, now: number): number {
  return lastActivity + timeout * 60_000 - now;
}
