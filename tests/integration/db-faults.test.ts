import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as readiness } from "@/app/api/health/route";
import { GET as liveness } from "@/app/api/health/live/route";
import { closeConnection, type Connection, installConnection, openPostgres } from "@/db/client";
import { checkDatabase } from "@/lib/dal/health";
import { log } from "@/lib/server/log";
import { prepareServer } from "@/lib/server/startup";
import { createThrowawayPostgres, postgresBinDir, type ThrowawayPostgres } from "../support/throwaway-postgres";

/**
 * What the server does when PostgreSQL is down, frozen or restarting. These tests stop and freeze a server of their
 * own, so they need PostgreSQL's binaries, not TEST_DATABASE_URL; they run once, in the PGlite project (the
 * file's own database plays no part).
 */
const runs = postgresBinDir() !== null && process.env.KEYHOUSE_TEST_DB !== "postgres";

let server: ThrowawayPostgres;

beforeAll(async () => {
  if (runs) server = await createThrowawayPostgres();
});

// A failed test must not leave the server frozen for the next one.
afterEach(() => {
  server?.thaw();
});

afterAll(() => {
  server?.destroy();
});

/** Sets environment variables for the duration of `body`. */
async function withEnv<T>(values: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  try {
    return await body();
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function withPostgres<T>(env: Record<string, string>, body: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await withEnv(env, () => openPostgres(server.url));
  try {
    return await body(connection);
  } finally {
    await connection.close();
  }
}

/** drizzle wraps the driver's error; PostgreSQL's SQLSTATE is on the cause. */
function sqlState(error: unknown): string | undefined {
  const { code, cause } = error as { code?: string; cause?: { code?: string } };
  return code ?? cause?.code;
}

async function elapsed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Collects the process's uncaught exceptions while `body` runs. */
async function uncaughtDuring(body: () => Promise<void>): Promise<unknown[]> {
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);
  process.on("uncaughtException", record);
  try {
    await body();
    // An error emitted on a connection surfaces on a later tick.
    await sleep(200);
  } finally {
    process.off("uncaughtException", record);
  }
  return uncaught;
}

describe.skipIf(!runs)("database timeouts", () => {
  it("PostgreSQL cancels a statement that runs longer than DATABASE_STATEMENT_TIMEOUT_MS", async () => {
    await withPostgres({ DATABASE_STATEMENT_TIMEOUT_MS: "300" }, async ({ db }) => {
      const took = await elapsed(async () => {
        const error = await db.execute(sql`select pg_sleep(3)`).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(sqlState(error)).toBe("57014"); // query_canceled
      });
      expect(took).toBeLessThan(2_000);
    });
  });

  it(
    "a frozen server fails queries and new connections within the timeouts instead of hanging",
    { timeout: 20_000 },
    async () => {
      const env = { DATABASE_CONNECT_TIMEOUT_MS: "500", DATABASE_STATEMENT_TIMEOUT_MS: "500" };
      await withPostgres(env, async ({ db }) => {
        await db.execute(sql`select 1`); // one connection open before the freeze
        server.freeze();
        try {
          const took = await elapsed(async () => {
            // The first reuses the open connection (no answer: the client-side query timeout); the others connect anew.
            const results = await Promise.allSettled([1, 2, 3].map(() => db.execute(sql`select 1`)));
            expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
            await expect(withEnv(env, () => openPostgres(server.url))).rejects.toThrow();
          });
          expect(took).toBeLessThan(5_000);
        } finally {
          server.thaw();
        }
        await db.execute(sql`select 1`); // and it serves again once the server does
      });
    },
  );

  it(
    "a transaction whose BEGIN times out gives its connection back: the pool is not drained",
    { timeout: 20_000 },
    async () => {
      const env = { DATABASE_POOL_SIZE: "1", DATABASE_CONNECT_TIMEOUT_MS: "500", DATABASE_STATEMENT_TIMEOUT_MS: "300" };
      await withPostgres(env, async ({ db }) => {
        await db.execute(sql`select 1`);
        server.freeze();
        try {
          await expect(db.transaction(async (tx) => tx.execute(sql`select 1`))).rejects.toThrow();
        } finally {
          server.thaw();
        }
        // The pool's one connection must be free again (a kept one would make this wait for a slot, then time out).
        await db.execute(sql`select 1`);
        await db.transaction(async (tx) => tx.execute(sql`select 1`));
      });
    },
  );

  it("PostgreSQL ends a transaction left idle longer than DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, and nothing crashes", async () => {
    const uncaught = await uncaughtDuring(() =>
      withPostgres({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "300" }, async ({ db }) => {
        const outcome = db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await sleep(1_000);
          await tx.execute(sql`select 1`);
        });
        await expect(outcome).rejects.toThrow();
        await db.execute(sql`select 1`);
      }),
    );
    expect(uncaught).toEqual([]);
  });
});

describe.skipIf(!runs)("health while PostgreSQL is frozen", () => {
  it("readiness answers 503 within about two seconds, liveness 200", { timeout: 20_000 }, async () => {
    await closeConnection();
    installConnection(openPostgres(server.url));
    try {
      expect((await readiness()).status).toBe(200);
      server.freeze();
      const started = performance.now();
      const response = await readiness();
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable", database: null });
      const live = await liveness();
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: "ok" });
    } finally {
      server.thaw();
      await closeConnection();
    }
  });
});

describe.skipIf(!runs)("PostgreSQL restarting", () => {
  it(
    "during concurrent write transactions: the transactions fail, nothing is uncaught, and writes resume",
    { timeout: 30_000 },
    async () => {
      let failures = 0;
      const uncaught = await uncaughtDuring(() =>
        withPostgres({}, async ({ db }) => {
          await db.execute(sql`create table if not exists restart_probe (id serial primary key, worker int not null)`);
          const write = (worker: number) =>
            db.transaction(async (tx) => {
              await tx.execute(sql`insert into restart_probe (worker) values (${worker})`);
              await sleep(20); // idle in the transaction, as an action is between two queries
              await tx.execute(sql`insert into restart_probe (worker) values (${worker})`);
            });
          let running = true;
          const workers = [1, 2, 3, 4, 5, 6].map(async (worker) => {
            while (running) await write(worker).catch(() => (failures += 1));
          });
          try {
            await sleep(300);
            await server.restart();
            await vi.waitFor(() => write(0), { timeout: 10_000, interval: 100 });
          } finally {
            running = false;
            await Promise.all(workers);
          }
        }),
      );
      expect(failures).toBeGreaterThan(0);
      expect(uncaught).toEqual([]);
    },
  );
});

describe.skipIf(!runs)("starting while PostgreSQL is down", () => {
  it(
    "prepareServer resolves, health says unavailable, and the server recovers on its own once PostgreSQL is up",
    { timeout: 30_000 },
    async () => {
      await server.stop();
      await closeConnection(); // this file's own database: the server under test opens DATABASE_URL
      const warn = vi.spyOn(log, "warn");
      const info = vi.spyOn(log, "info");
      const onFatal = vi.fn();
      await withEnv({ DATABASE_URL: server.url }, async () => {
        const stop = await prepareServer({ onFatal, retryDelayMs: { first: 50, max: 200 } });
        try {
          const health = await checkDatabase();
          expect(health).toEqual({ ok: false, kind: null });
          await sleep(600); // several attempts, one log line
          expect(
            warn.mock.calls.filter(([, message]) => message === "database unavailable; retrying in the background"),
          ).toHaveLength(1);

          await server.start();
          await vi.waitFor(async () => expect(await checkDatabase()).toEqual({ ok: true, kind: "postgres" }), {
            timeout: 10_000,
            interval: 100,
          });
          await vi.waitFor(() =>
            expect(info.mock.calls.some(([, message]) => message === "database ready (migrations applied)")).toBe(true),
          );
          expect(onFatal).not.toHaveBeenCalled();
        } finally {
          await stop();
          await closeConnection();
        }
      });
    },
  );
});
