import { passwordStrength } from "./password-strength";

/**
 * A Web Worker that rates passwords with zxcvbn off the page's main thread (lib/strength/strength-pool.ts). It
 * receives decrypted passwords by postMessage inside this browser only; nothing leaves the page.
 */
export type StrengthRequest = { id: number; password: string; userInputs: string[] };
export type StrengthResponse = { id: number; score: number } | { id: number; error: string };

self.onmessage = async (event: MessageEvent<StrengthRequest>) => {
  const { id, password, userInputs } = event.data;
  try {
    const { score } = await passwordStrength(password, userInputs);
    self.postMessage({ id, score } satisfies StrengthResponse);
  } catch {
    self.postMessage({ id, error: "The strength checker failed." } satisfies StrengthResponse);
  }
};
