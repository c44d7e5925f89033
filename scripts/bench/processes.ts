import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";

/** The path of Next.js's own entry point: run by node directly, as npx would cost over a second of CPU first. */
export const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

export type GroupProcess = { pid: number; stop: () => void };

/**
 * A server for a benchmark, in a process group of its own, so its CPU can be read and the whole group (next may fork)
 * stopped: at the end, when this process exits or fails, and on Ctrl-C (after `onInterrupt` cleans up).
 */
export function startInGroup(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onInterrupt: () => void = () => {},
): GroupProcess {
  const child = spawn(command, args, { detached: true, stdio: ["ignore", "ignore", "inherit"], env });
  if (child.pid === undefined) throw new Error(`${command} did not start`);
  const pid = child.pid;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      // The group is gone already.
    }
  };
  child.once("exit", () => (stopped = true));
  process.once("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.once(signal, () => {
      stop();
      onInterrupt();
      process.exit(128 + os.constants.signals[signal]);
    });
  return { pid, stop };
}

/** Waits until `url` answers 2xx (a server starting), for up to two minutes. */
export async function waitUntilAnswers(url: string): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer`);
}
