import "server-only";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Database | Transaction;

export type Connection = {
  kind: "pglite" | "postgres";
  db: Database;
  close: () => Promise<void>;
};

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Counts queries for tests that check a page's query budget (N+1 guard). */
type QueryObserver = (query: string) => void;
const observers = new Set<QueryObserver>();
export function observeQueries(observer: QueryObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}
const logger = { logQuery: (query: string) => observers.forEach((observe) => observe(query)) };

export function embeddedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  // Chosen at run time; keep the bundler from tracing the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ env.KEYHOUSE_DATA_DIR || ".data");
}

/**
 * PGlite is a single-process database: a second process opening the same directory would corrupt it.
 * A pid file makes a second opener fail with a clear message instead.
 */
function claimEmbeddedDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockFile = path.join(dataDir, "pglite.pid");
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is open in another process (pid ${pid}). ` +
          "Stop that process first, or use a PostgreSQL server through DATABASE_URL.",
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => rmSync(lockFile, { force: true });
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function openPglite(dataDir: string): Promise<Connection> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : claimEmbeddedDirectory(dataDir);
  const client = new PGlite(inMemory ? dataDir : path.join(dataDir, "pglite"));
  const db = drizzle(client, { schema, logger });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    kind: "pglite",
    db: db as unknown as Database,
    close: async () => {
      await client.close();
      release();
    },
  };
}

export async function openPostgres(connectionString: string): Promise<Connection> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error("database pool error:", error.message));
  const migrator = await pool.connect();
  try {
    // Several app instances may start at once: one migrates, the others wait for it.
    await migrator.query("select pg_advisory_lock(727274)");
    await migrate(drizzle(migrator, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await migrator.query("select pg_advisory_unlock(727274)").catch(() => {});
    migrator.release();
  }
  return { kind: "postgres", db: drizzle(pool, { schema, logger }) as unknown as Database, close: () => pool.end() };
}

export function openConnectionFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Connection> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(embeddedDataDir(env));
}

// One connection per process, shared by every bundle Next.js builds (proxy, routes, instrumentation).
const holder = globalThis as typeof globalThis & { __keyhouseConnection?: Promise<Connection> };

export function connection(): Promise<Connection> {
  if (!holder.__keyhouseConnection) {
    const opening = openConnectionFromEnv();
    holder.__keyhouseConnection = opening;
    // A failed open is not cached, so the next request tries again.
    opening.catch(() => {
      if (holder.__keyhouseConnection === opening) holder.__keyhouseConnection = undefined;
    });
  }
  return holder.__keyhouseConnection;
}

export async function getDb(): Promise<Database> {
  return (await connection()).db;
}

/** Replaces the process's connection (tests and scripts that manage their own database). */
export function installConnection(next: Promise<Connection> | undefined): void {
  holder.__keyhouseConnection = next;
}

export async function closeConnection(): Promise<void> {
  const current = holder.__keyhouseConnection;
  holder.__keyhouseConnection = undefined;
  if (current) await (await current).close();
}

/** Runs raw SQL and returns its rows (both drivers answer with `{ rows }`). */
export async function selectRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
