import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { claimEmbeddedDirectory, closeConnection, EmbeddedDatabaseInUseError } from "@/db/client";
import { prepareServer } from "@/lib/server/startup";

/**
 * One process at a time on an embedded database folder, checked with real processes. Process-level and independent
 * of the file's own database, so it runs once, in the PGlite project.
 */
const runs = process.env.KEYHOUSE_TEST_DB !== "postgres";

const TSX = ["--import", "./scripts/register-server-hooks.mjs", "--import", "tsx"];

/** A child process answering one line per command. */
type Child = { process: ChildProcess; next: () => Promise<string>; send: (line: string) => Promise<string> };

const children: ChildProcess[] = [];
const folders: string[] = [];

function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "keyhouse-claim-"));
  folders.push(folder);
  return folder;
}

async function claimer(): Promise<Child> {
  const child = spawn(process.execPath, [...TSX, "tests/support/embedded-claim-child.ts"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error("the child process ended");
    return value;
  };
  const send = (line: string) => {
    child.stdin!.write(`${line}\n`);
    return next();
  };
  expect(await next()).toBe("ready");
  return { process: child, next, send };
}

/** Every child claims `folder` at the same instant; their answers, in order. */
async function claimTogether(claimers: Child[], folder: string): Promise<string[]> {
  const at = Date.now() + 100;
  return Promise.all(claimers.map((child) => child.send(`claim ${folder} ${at}`)));
}

function writeClaimFile(folder: string, content: string): string {
  const file = path.join(folder, "pglite.pid");
  writeFileSync(file, content);
  return file;
}

function bootId(): string {
  return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!runs)("claiming the embedded database folder", () => {
  // Started once for the whole block: each start costs a second or two.
  let claimers: Child[];
  beforeAll(async () => {
    claimers = await Promise.all([claimer(), claimer(), claimer()]);
  });

  it(
    "three processes claiming one folder at the same instant: exactly one wins, twenty times over",
    { timeout: 30_000 },
    async () => {
      for (let round = 0; round < 20; round += 1) {
        const answers = await claimTogether(claimers, tempFolder());
        const winner = answers.indexOf("won");
        expect(
          answers.filter((answer) => answer === "won"),
          `round ${round}: ${answers.join(" | ")}`,
        ).toHaveLength(1);
        const holder = claimers[winner]!.process.pid;
        for (const answer of answers.filter((_, index) => index !== winner)) {
          expect(answer).toMatch(
            new RegExp(`^lost EmbeddedDatabaseInUseError .* is open in another process \\(pid ${holder}\\)`),
          );
        }
        expect(await claimers[winner]!.send("release")).toBe("released");
      }
    },
  );

  it("a claim whose pid now belongs to a process that started at another time is stale, and taken over", async () => {
    const child = claimers[0]!;
    const folder = tempFolder();
    // A live process that never opened the folder: this test's own, as if a reboot had handed its pid out again.
    writeClaimFile(folder, JSON.stringify({ pid: process.pid, started: `${bootId()}:1`, token: "from-before" }));
    expect(await child.send(`claim ${folder} 0`)).toBe("won");
    expect(JSON.parse(readFileSync(path.join(folder, "pglite.pid"), "utf8"))).toMatchObject({ pid: child.process.pid });
    expect(await child.send("release")).toBe("released");
  });

  it("a bare pid written by an earlier version is stale when that process started after the file was written", async () => {
    const child = claimers[0]!;
    const folder = tempFolder();
    const file = writeClaimFile(folder, String(process.pid));
    utimesSync(file, new Date("2001-01-01"), new Date("2001-01-01"));
    expect(await child.send(`claim ${folder} 0`)).toBe("won");
    expect(await child.send("release")).toBe("released");
  });

  it("a claim left by a process that was killed is taken over", async () => {
    const [first, second] = [claimers[1]!, claimers[2]!];
    const folder = tempFolder();
    expect(await first.send(`claim ${folder} 0`)).toBe("won");
    expect(await second.send(`claim ${folder} 0`)).toMatch(/^lost EmbeddedDatabaseInUseError/);
    first.process.kill("SIGKILL");
    await new Promise((resolve) => first.process.once("exit", resolve));
    expect(await second.send(`claim ${folder} 0`)).toBe("won");
    expect(await second.send("release")).toBe("released");
  });

  it("a released claim frees the folder, and a release never removes someone else's claim", async () => {
    const folder = tempFolder();
    const release = claimEmbeddedDirectory(folder);
    expect(() => claimEmbeddedDirectory(folder)).toThrow(EmbeddedDatabaseInUseError);
    release();
    const again = claimEmbeddedDirectory(folder);
    release(); // the first claim's release, a second time: the new claim stays
    expect(() => claimEmbeddedDirectory(folder)).toThrow(EmbeddedDatabaseInUseError);
    again();
  });
});

describe.skipIf(!runs)("starting on a folder another process holds", () => {
  it("prepareServer reports it as fatal instead of retrying", async () => {
    const folder = tempFolder();
    const release = claimEmbeddedDirectory(folder);
    try {
      await closeConnection();
      vi.stubEnv("DATABASE_URL", "");
      vi.stubEnv("KEYHOUSE_DATA_DIR", folder);
      const onFatal = vi.fn();
      const stop = await prepareServer({ onFatal, retryDelayMs: { first: 10, max: 10 } });
      await stop();
      expect(onFatal).toHaveBeenCalledOnce();
      expect(onFatal.mock.calls[0]![0]).toBeInstanceOf(EmbeddedDatabaseInUseError);
    } finally {
      release();
    }
  });

  it("the server exits with status 1 and one line on stderr", { timeout: 30_000 }, async () => {
    const folder = tempFolder();
    const release = claimEmbeddedDirectory(folder);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, KEYHOUSE_DATA_DIR: folder, LOG_LEVEL: "silent" };
      delete env.DATABASE_URL;
      const child = spawn(process.execPath, [...TSX, "tests/support/startup-child.ts"], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve) => child.once("exit", resolve));
      expect(stdout).not.toContain("started");
      expect(code).toBe(1);
      expect(stderr).toBe(
        `Keyhouse cannot start: The embedded database in ${folder} is open in another process (pid ${process.pid}). ` +
          "Stop that process first, or use a PostgreSQL server through DATABASE_URL.\n",
      );
    } finally {
      release();
    }
  });
});
