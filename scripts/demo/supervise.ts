import { type ChildProcess, spawn, type SpawnOptions } from "node:child_process";
import { constants } from "node:os";

/** What stops the demo: Ctrl+C (SIGINT), `kill` or a service manager (SIGTERM), a closed terminal (SIGHUP). */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export type Supervised = {
  child: ChildProcess;
  /** The child's exit code, or 128 + the signal's number when a signal ended it (as a shell reports it). */
  exited: Promise<number>;
};

/**
 * Runs a child process whose life is tied to this one. A stop signal to this process is passed on to the child;
 * a second signal, or no exit within `graceMs`, kills it outright. Should this process exit while the child runs
 * (an uncaught error), the child is killed too, so no server is left holding the port and the embedded database.
 */
export function supervise(
  command: string,
  args: readonly string[],
  { graceMs = 10_000, ...options }: SpawnOptions & { graceMs?: number } = {},
): Supervised {
  const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
  let forceKill: NodeJS.Timeout | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (forceKill) {
      child.kill("SIGKILL");
      return;
    }
    child.kill(signal);
    forceKill = setTimeout(() => child.kill("SIGKILL"), graceMs);
  };
  const killOnExit = () => child.kill("SIGKILL");
  // Listening replaces Node's default of dying at once: this process ends when the child has.
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
  process.on("exit", killOnExit);
  const release = () => {
    for (const signal of STOP_SIGNALS) process.off(signal, stop);
    process.off("exit", killOnExit);
    clearTimeout(forceKill);
  };

  const exited = new Promise<number>((resolve, reject) => {
    child.on("error", (error) => {
      // Also emitted when a kill fails; only a child that never started ends here.
      if (child.pid !== undefined) return;
      release();
      reject(error);
    });
    child.once("exit", (code, signal) => {
      release();
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
  return { child, exited };
}
