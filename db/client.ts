import "server-only";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ClientConfig, Pool, PoolClient, PoolConfig } from "pg";
import { log } from "@/lib/log";
import * as schema from "./schema";

/** A whole number from the environment, or the default when unset. */
function envInteger(name: string, fallback: number, minimum: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be a whole number of at least ${minimum}.`);
  return value;
}

/** Pooled connections to PostgreSQL (DATABASE_POOL_SIZE, default 10). */
const poolSize = () => envInteger("DATABASE_POOL_SIZE", 10, 1);
/** How long opening a connection may take before it fails (0 waits for ever). */
const connectTimeoutMs = () => envInteger("DATABASE_CONNECT_TIMEOUT_MS", 5_000, 0);
/** PostgreSQL cancels a statement running longer than this (0 leaves the server's own setting). */
const statementTimeoutMs = () => envInteger("DATABASE_STATEMENT_TIMEOUT_MS", 15_000, 0);
/** PostgreSQL ends a session left idle inside a transaction longer than this (0 leaves the server's own setting). */
const idleInTransactionTimeoutMs = () => envInteger("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 30_000, 0);

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

/**
 * Every pooled connection starts with PostgreSQL's own limits, and the client stops waiting a little after them:
 * a frozen server or a dead network never sends the cancellation.
 */
function poolConfig(connectionString: string): PoolConfig {
  const statementTimeout = statementTimeoutMs();
  return {
    connectionString,
    max: poolSize(),
    connectionTimeoutMillis: connectTimeoutMs(),
    idleTimeoutMillis: 10_000,
    keepAlive: true,
    statement_timeout: statementTimeout,
    idle_in_transaction_session_timeout: idleInTransactionTimeoutMs(),
    query_timeout: statementTimeout ? statementTimeout + 1_000 : 0,
  };
}

/** A lost connection (server restart, network) fails its queries; as an event it must not crash the process. */
function logConnectionError(error: Error): void {
  log.warn({ error: error.message }, "database connection lost");
}

export async function openPostgres(connectionString: string): Promise<Connection> {
  await migratePostgres({ connectionString, connectionTimeoutMillis: connectTimeoutMs(), keepAlive: true });
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool(poolConfig(connectionString));
  // The pool listens to its idle connections only; a connection checked out for a transaction needs its own listener.
  pool.on("connect", (client) => client.on("error", logConnectionError));
  pool.on("error", () => {}); // already logged by the connection's own listener
  const db = drizzle(pool, { schema, logger });
  db.transaction = (run, config) => transactionOnOwnConnection(pool, (client) => drizzle(client, { schema, logger }).transaction(run, config));
  return { kind: "postgres", db: db as unknown as Database, close: () => pool.end() };
}

/**
 * drizzle's transaction on a pool keeps the connection when BEGIN fails (after a server restart, or a timeout): each
 * such failure would take one connection out of the pool for good. Here the connection is checked out and given back
 * by this code; after a failure it is dropped, as pg's own pool.query does, since it may be dead or still busy.
 */
async function transactionOnOwnConnection<T>(pool: Pool, run: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const result = await run(client);
    client.release();
    return result;
  } catch (error) {
    client.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/** Migrations on a connection of their own, free of the statement timeout: they may rightly take longer. */
async function migratePostgres(config: ClientConfig): Promise<void> {
  const { Client } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = new Client(config);
  client.on("error", logConnectionError);
  try {
    await client.connect();
    // Several app instances may start at once: one migrates, the others wait for it.
    await client.query("select pg_advisory_lock(727274)");
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end().catch(() => {});
  }
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
