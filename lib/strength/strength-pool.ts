import { type PasswordStrength, passwordStrength, STRENGTH_LABELS, type StrengthScore } from "./password-strength";
import type { StrengthRequest, StrengthResponse } from "./strength.worker";

export type RateStrength = (password: string, userInputs: readonly string[]) => Promise<PasswordStrength>;

/** Enough workers to use the cores, few enough that each one's copy of the dictionaries stays affordable. */
const MAX_WORKERS = 4;

/**
 * Rates many passwords at once on Web Workers, one per core (up to four), so a report over thousands of logins
 * takes a fraction of the time and never blocks the page. Where workers are unavailable it rates on this thread.
 * `dispose` ends the workers.
 */
export function createStrengthPool(): { rate: RateStrength; dispose: () => void } {
  if (typeof Worker === "undefined") return { rate: passwordStrength, dispose: () => {} };
  const size = Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 2));
  const pending = new Map<number, { resolve: (strength: PasswordStrength) => void; reject: (error: Error) => void }>();
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL("./strength.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<StrengthResponse>) => {
      const answer = event.data;
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if (!waiting) return;
      if ("error" in answer) waiting.reject(new Error(answer.error));
      else
        waiting.resolve({
          score: answer.score as StrengthScore,
          label: STRENGTH_LABELS[answer.score as StrengthScore],
        });
    };
    worker.onerror = () => failAll("The strength checker failed.");
    return worker;
  });
  let nextId = 0;

  function failAll(message: string) {
    for (const waiting of pending.values()) waiting.reject(new Error(message));
    pending.clear();
  }

  const rate: RateStrength = (password, userInputs) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      workers[id % size]!.postMessage({ id, password, userInputs: [...userInputs] } satisfies StrengthRequest);
    });

  function dispose() {
    workers.forEach((worker) => worker.terminate());
    failAll("The strength check was stopped.");
  }

  return { rate, dispose };
}
