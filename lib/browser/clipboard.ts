import "client-only";
import { createDeviceSetting } from "@/lib/browser/device-setting";

/**
 * Copying secrets in the browser, and clearing them again. After the delay the clipboard is emptied only while it
 * still holds what we copied: read back when the browser has granted reading without asking, otherwise simply
 * overwritten (reading would make the browser prompt for permission out of nowhere). The delay is a per-device
 * setting in localStorage, with Bitwarden's choices.
 */

/** Seconds before a copied value is cleared; null never clears. */
export type ClearClipboardDelay = number | null;

export const CLEAR_CLIPBOARD_CHOICES: readonly { seconds: ClearClipboardDelay; label: string }[] = [
  { seconds: null, label: "Never" },
  { seconds: 10, label: "10 seconds" },
  { seconds: 20, label: "20 seconds" },
  { seconds: 30, label: "30 seconds" },
  { seconds: 60, label: "1 minute" },
  { seconds: 120, label: "2 minutes" },
  { seconds: 300, label: "5 minutes" },
];

/** Bitwarden leaves the clipboard alone unless asked; a vault whose users copy secrets all day clears it. */
export const DEFAULT_CLEAR_CLIPBOARD_DELAY: ClearClipboardDelay = 30;

const STORAGE_KEY = "keyhouse.clipboard.clearAfterSeconds";
const NEVER = "never";

let pendingClear: ReturnType<typeof setTimeout> | undefined;

/** Whether this page may read the clipboard without a prompt (only Chromium answers "granted"). */
async function mayReadClipboard(): Promise<boolean> {
  try {
    const status = await navigator.permissions.query({ name: "clipboard-read" as PermissionName });
    return status.state === "granted";
  } catch {
    return false;
  }
}

/** Empties the clipboard if it still holds `text`. A page out of focus may not write, so then it waits for focus. */
async function clearIfUnchanged(text: string): Promise<void> {
  try {
    if ((await mayReadClipboard()) && (await navigator.clipboard.readText()) !== text) return;
    await navigator.clipboard.writeText("");
  } catch {
    if (!document.hasFocus()) window.addEventListener("focus", () => void clearIfUnchanged(text), { once: true });
  }
}

/**
 * Copies `text`, then clears it after the delay. A newer copy replaces the pending clear, so the newest value
 * gets the full delay and an older one cannot empty the clipboard under it. Rejects when the browser refuses.
 */
export async function copyToClipboard(
  text: string,
  { clearAfterSeconds }: { clearAfterSeconds: ClearClipboardDelay },
): Promise<void> {
  await navigator.clipboard.writeText(text);
  clearTimeout(pendingClear);
  pendingClear =
    clearAfterSeconds === null ? undefined : setTimeout(() => void clearIfUnchanged(text), clearAfterSeconds * 1000);
}

function isChoice(seconds: number | null): boolean {
  return CLEAR_CLIPBOARD_CHOICES.some((choice) => choice.seconds === seconds);
}

function parseDelay(stored: string | null): ClearClipboardDelay {
  if (stored === NEVER) return null;
  const seconds = Number(stored);
  return stored !== null && isChoice(seconds) ? seconds : DEFAULT_CLEAR_CLIPBOARD_DELAY;
}

const clipboardDelaySetting = createDeviceSetting<ClearClipboardDelay>({
  storageKey: STORAGE_KEY,
  fallback: DEFAULT_CLEAR_CLIPBOARD_DELAY,
  parse: parseDelay,
  serialize: (seconds) => (seconds === null ? NEVER : String(seconds)),
  isValid: isChoice,
  invalidMessage: "Choose one of the clipboard delays on offer.",
});

/** This device's clipboard delay, and a way to change it (the server render sees the default). */
export function useClipboardSettings(): {
  clearAfterSeconds: ClearClipboardDelay;
  setClearAfterSeconds: (seconds: ClearClipboardDelay) => void;
} {
  return { clearAfterSeconds: clipboardDelaySetting.useValue(), setClearAfterSeconds: clipboardDelaySetting.write };
}
