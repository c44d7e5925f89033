/**
 * A process that claims embedded database folders on command, for tests/integration/embedded-claim.test.ts.
 * Lines on stdin: `claim <dir> <at>` claims the folder at that instant (epoch milliseconds, busy-waiting so that
 * several processes claim together) and answers `won` or `lost <error name> <message>`; `release` gives the claim
 * up and answers `released`.
 */
import { createInterface } from "node:readline";
import { claimEmbeddedDirectory } from "@/db/client";

let release: (() => void) | undefined;

function claimAt(dir: string, at: number): string {
  while (performance.timeOrigin + performance.now() < at) {
    // spin: a timer would wake each process at a different moment
  }
  try {
    release = claimEmbeddedDirectory(dir);
    return "won";
  } catch (error) {
    const { name, message } = error as Error;
    return `lost ${name} ${message}`;
  }
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, dir, at] = line.split(" ");
  if (command === "claim" && dir && at) {
    process.stdout.write(`${claimAt(dir, Number(at))}\n`);
  } else if (command === "release") {
    release?.();
    release = undefined;
    process.stdout.write("released\n");
  }
});
process.stdout.write("ready\n");
