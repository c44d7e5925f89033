import { spawn } from "node:child_process";
import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  createPasswordHashingPool,
  PasswordHashingBusyError,
  type PasswordHashingOptions,
  type PasswordHashingPool,
} from "@/lib/server/password-hashing";

const pools: PasswordHashingPool[] = [];
function pool(options: PasswordHashingOptions): PasswordHashingPool {
  const created = createPasswordHashingPool(options);
  pools.push(created);
  return created;
}

afterAll(async () => {
  await Promise.all(pools.map((created) => created.close()));
});

/**
 * The longest the event loop was late while `work` ran: a timer asks to run every 5 ms, and each time it fires
 * records how far past its due time it was.
 */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let due = performance.now() + 5;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - due);
    due = now + 5;
  }, 5);
  try {
    await work();
    // The timer's last turn, after the work's end, sees a stall that ended with it.
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    clearInterval(probe);
  }
  return longest;
}

describe("the bcrypt worker pool (lib/server/password-hashing.ts)", () => {
  it("computes real bcrypt: its hashes verify with bcryptjs in this thread, and it verifies theirs", async () => {
    const hashing = pool({ workers: 2, maxQueued: 8, queueTimeoutMs: 30_000 });
    const made = await hashing.hash("the master password hash", 5);
    expect(bcrypt.getRounds(made)).toBe(5);
    expect(bcrypt.compareSync("the master password hash", made)).toBe(true);
    expect(bcrypt.compareSync("another hash", made)).toBe(false);
    // A fresh salt each time.
    expect(await hashing.hash("the master password hash", 5)).not.toBe(made);

    const theirs = bcrypt.hashSync("the master password hash", 5);
    expect(await hashing.compare("the master password hash", theirs)).toBe(true);
    expect(await hashing.compare("another hash", theirs)).toBe(false);
  });

  it("keeps the event loop responsive while compares run", async () => {
    const stored = bcrypt.hashSync("the master password hash", 12);
    // The same probe sees a compare on this thread as one long stall: what every request would wait behind.
    const onThisThread = await longestStall(async () => bcrypt.compareSync("the master password hash", stored));
    expect(onThisThread).toBeGreaterThan(100);

    const hashing = pool({ workers: 2, maxQueued: 8, queueTimeoutMs: 30_000 });
    const started = performance.now();
    const inWorkers = await longestStall(() =>
      Promise.all(Array.from({ length: 4 }, () => hashing.compare("the master password hash", stored))),
    );
    // Four compares on two workers: at least two compares' time, during which the loop never stalled for long.
    expect(performance.now() - started).toBeGreaterThan(onThisThread);
    expect(inWorkers).toBeLessThan(onThisThread / 3);
  });

  it("refuses at once with a typed error when the queue is full, and leaves nothing running", async () => {
    const hashing = pool({ workers: 1, maxQueued: 1, queueTimeoutMs: 30_000 });
    const running = hashing.hash("first", 10);
    const queued = hashing.hash("second", 10);
    expect(hashing.stats()).toEqual({ workers: 1, running: 1, queued: 1, started: 1 });

    const refusedAt = performance.now();
    const refusal = await hashing.hash("third", 10).catch((error: unknown) => error);
    expect(performance.now() - refusedAt).toBeLessThan(50);
    expect(refusal).toBeInstanceOf(PasswordHashingBusyError);
    expect(refusal).toMatchObject({ why: "queue_full", message: "The server is busy. Try again in a moment." });

    expect(bcrypt.compareSync("first", await running)).toBe(true);
    expect(bcrypt.compareSync("second", await queued)).toBe(true);
    // The refused job never ran, and the one worker did both others.
    expect(hashing.stats()).toEqual({ workers: 1, running: 0, queued: 0, started: 2 });
  });

  it("refuses a job whose wait for a worker times out, and never runs it", async () => {
    const hashing = pool({ workers: 1, maxQueued: 4, queueTimeoutMs: 100 });
    // Cost 13 takes well over 100 ms on any machine.
    const long = hashing.hash("long", 13);
    const waitedAt = performance.now();
    const refusal = await hashing.hash("waiting", 4).catch((error: unknown) => error);
    expect(performance.now() - waitedAt).toBeGreaterThanOrEqual(95);
    expect(refusal).toBeInstanceOf(PasswordHashingBusyError);
    expect(refusal).toMatchObject({ why: "wait_timed_out" });
    expect(hashing.stats()).toMatchObject({ running: 1, queued: 0 });

    await long;
    expect(hashing.stats()).toEqual({ workers: 1, running: 0, queued: 0, started: 1 });
  });

  it("recognises the busy error of another copy of the module (Next.js may bundle one per route)", async () => {
    vi.resetModules();
    const copy = await import("@/lib/server/password-hashing");
    expect(copy.PasswordHashingBusyError).not.toBe(PasswordHashingBusyError);
    expect(new copy.PasswordHashingBusyError("queue_full")).toBeInstanceOf(PasswordHashingBusyError);
    expect(new Error("busy")).not.toBeInstanceOf(PasswordHashingBusyError);
  });

  it("never keeps a process alive: a script that hashed ends by itself once its work is done", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "./scripts/register-server-hooks.mjs", "--import", "tsx", "tests/support/password-hashing-child.ts"],
      {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, KEYHOUSE_HASH_WORKERS: "2", KEYHOUSE_HASH_QUEUE: "1" },
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    expect(code).toBe(0);
    expect(JSON.parse(output)).toEqual({
      outcomes: ["hashed", "hashed", "hashed", "busy"],
      stats: { workers: 2, running: 0, queued: 0, started: 3 },
    });
  });
});
