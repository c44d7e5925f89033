import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIsCurrent, hashBuildInputs, recordBuild } from "@/scripts/demo/build-stamp";

const SUPERVISOR = path.join(process.cwd(), "tests", "support", "supervisor.ts");
// The stand-in server says "ready" once its own signal handlers (if any) are in place.
const SERVER = 'console.log("ready"); setInterval(() => {}, 1000)';
const STUBBORN_SERVER = 'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)';

type Run = { supervisor: ChildProcess; childPid: number; exit: Promise<number | null> };
const started: Run[] = [];

/** Starts the supervisor over `script` and waits until the stand-in server runs. */
async function startSupervisor(script: string, graceMs = 10_000): Promise<Run> {
  const supervisor = spawn(process.execPath, ["--import", "tsx", SUPERVISOR, String(graceMs), script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exit = new Promise<number | null>((resolve) => supervisor.once("exit", (code) => resolve(code)));
  let output = "";
  const childPid = await new Promise<number>((resolve, reject) => {
    supervisor.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const pid = /child (\d+)/.exec(output)?.[1];
      if (pid && output.includes("ready")) resolve(Number(pid));
    });
    void exit.then((code) => reject(new Error(`supervisor exited (${code}) before its child was ready: ${output}`)));
  });
  const run = { supervisor, childPid, exit };
  started.push(run);
  return run;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(() => {
  for (const { supervisor, childPid } of started) {
    if (isRunning(childPid)) process.kill(childPid, "SIGKILL");
    supervisor.kill("SIGKILL");
  }
});

describe("the demo's server supervision (scripts/demo/supervise.ts)", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
    ["SIGHUP", 129],
  ] as const)(
    "%s to the supervisor stops the server, then the supervisor, with the server's status",
    async (signal, status) => {
      const { supervisor, childPid, exit } = await startSupervisor(SERVER);
      supervisor.kill(signal);
      expect(await exit).toBe(status);
      expect(isRunning(childPid)).toBe(false);
    },
  );

  it("exits with the server's own exit code when the server stops by itself", async () => {
    const { exit } = await startSupervisor('console.log("ready"); setTimeout(() => process.exit(3), 100)');
    expect(await exit).toBe(3);
  });

  it("kills a server that ignores the signal once the grace period is over", async () => {
    const { supervisor, childPid, exit } = await startSupervisor(STUBBORN_SERVER, 300);
    supervisor.kill("SIGTERM");
    expect(await exit).toBe(137);
    expect(isRunning(childPid)).toBe(false);
  });
});

describe("the demo's build check (scripts/demo/build-stamp.ts)", () => {
  let root: string;
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  };
  /** Stands in for `next build`: a new BUILD_ID, then the stamp of the inputs hashed before it. */
  const build = (id: string) => {
    const inputs = hashBuildInputs(root);
    write(".next/BUILD_ID", id);
    recordBuild(root, inputs);
  };
  const current = () => buildIsCurrent(root, hashBuildInputs(root));

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "keyhouse-build-"));
    write("app/page.tsx", "export default function Page() {}");
    write("lib/server/config.ts", "export const a = 1;");
    write("package-lock.json", "{}");
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("builds when there is no build, or a build this check did not record", () => {
    expect(current()).toBe(false);
    write(".next/BUILD_ID", "someone-ran-next-build");
    expect(current()).toBe(false);
  });

  it("skips the build while the inputs are what was built", () => {
    build("one");
    expect(current()).toBe(true);
  });

  it("builds again after a change, an added file or a removed one, and after any other build", () => {
    build("one");
    write("lib/server/config.ts", "export const a = 2;");
    expect(current()).toBe(false);

    build("two");
    write("components/new.tsx", "export {};");
    expect(current()).toBe(false);

    build("three");
    rmSync(path.join(root, "app/page.tsx"));
    expect(current()).toBe(false);

    build("four");
    write("package-lock.json", '{"lockfileVersion":3}');
    expect(current()).toBe(false);

    build("five");
    write(".next/BUILD_ID", "six");
    expect(current()).toBe(false);
  });

  it("ignores what next build does not read", () => {
    build("one");
    write("tests/unit/x.test.ts", "");
    write("README.md", "changed");
    expect(current()).toBe(true);
  });
});
