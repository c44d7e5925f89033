import "server-only";
import { randomUUID } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ClientConfig, Pool, PoolClient, PoolConfig, QueryConfig } from "pg";
import { embeddedDataDir } from "@/lib/server/config";
import { env, parseEnv } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import * as schema from "./schema";

/** Pooled connections to PostgreSQL. */
const poolSize = () => env().DATABASE_POOL_SIZE;
/** How long opening a connection may take before it fails (0 waits for ever). */
const connectTimeoutMs = () => env().DATABASE_CONNECT_TIMEOUT_MS;
/** PostgreSQL cancels a statement running longer than this (0 leaves the server's own setting). */
const statementTimeoutMs = () => env().DATABASE_STATEMENT_TIMEOUT_MS;
/** PostgreSQL ends a session left idle inside a transaction longer than this (0 leaves the server's own setting). */
const idleInTransactionTimeoutMs = () => env().DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS;

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Database | Transaction;

export type Connection = {
  kind: "pglite" | "postgres";
  db: Database;
  close: () => Promise<void>;
  /** PostgreSQL's pool, for its figures in the metrics. */
  pool?: Pool;
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

/** The embedded database folder is open in another running process: the server stops rather than share it. */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is open in another process (pid ${pid}). ` +
        "Stop that process first, or use a PostgreSQL server through DATABASE_URL.",
    );
    this.name = "EmbeddedDatabaseInUseError";
  }
}

/** Who holds the embedded folder: pid, the process's start (null without /proc) and a token of this claim's own. */
type Claim = { pid: number; started: string | null; token: string };
type HeldClaim = { text: string; claim: Claim; writtenAtMs: number };

/**
 * PGlite is a single-process database: a second process opening the same directory would corrupt it. The first
 * opener creates `pglite.pid` atomically; a later one fails with EmbeddedDatabaseInUseError while that process
 * runs, and takes the file over once it has gone (pids are reused, so "runs" compares start times too).
 */
export function claimEmbeddedDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const claimFile = path.join(dataDir, "pglite.pid");
  const mine: Claim = { pid: process.pid, started: processStart(process.pid), token: randomUUID() };
  // Each round claims, finds a running holder, or clears a stale file for the next round.
  for (let round = 0; round < 5; round += 1) {
    if (createExclusively(claimFile, JSON.stringify(mine))) return releaseOnExit(claimFile, mine.token);
    const held = readClaim(claimFile);
    if (!held) continue;
    if (isRunning(held)) throw new EmbeddedDatabaseInUseError(dataDir, held.claim.pid);
    removeIfUnchanged(claimFile, held.text);
  }
  throw new Error(`Could not claim ${claimFile}: it keeps changing. Is another process starting on the same folder?`);
}

/** Creates `file` unless it exists. A complete draft is linked into place, so no reader ever sees half a file. */
function createExclusively(file: string, content: string): boolean {
  const draft = `${file}.${randomUUID()}`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** The claim in `file`, or null when there is none. */
function readClaim(file: string): HeldClaim | null {
  try {
    const text = readFileSync(file, "utf8");
    return { text, claim: parseClaim(text), writtenAtMs: statSync(file).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Earlier versions wrote the bare pid. Anything unreadable gets pid 0, which reads as stale. */
function parseClaim(text: string): Claim {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // unreadable: stale
  }
  if (typeof parsed === "number") return { pid: parsed, started: null, token: "" };
  const claim = (parsed ?? {}) as Partial<Claim>;
  return {
    pid: Number.isInteger(claim.pid) ? Number(claim.pid) : 0,
    started: typeof claim.started === "string" ? claim.started : null,
    token: typeof claim.token === "string" ? claim.token : "",
  };
}

/** Whether the process that wrote the claim still runs: its pid is alive and, where /proc tells, started then. */
function isRunning({ claim, writtenAtMs }: HeldClaim): boolean {
  if (claim.pid <= 0 || !isAlive(claim.pid)) return false;
  const started = processStart(claim.pid);
  if (started === null) return true; // without /proc a live pid is all there is to go by
  if (claim.started !== null) return claim.started === started;
  // A bare pid from an earlier version: a process that started after the file was written did not write it.
  const startedAtMs = processStartedAtMs(claim.pid);
  return startedAtMs === null || startedAtMs <= writtenAtMs + 2_000;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readProcFile(name: string): string | null {
  try {
    return readFileSync(`/proc/${name}`, "utf8");
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks after boot (null without /proc). */
function startTicks(pid: number): number | null {
  const stat = readProcFile(`${pid}/stat`);
  // Field 2, the command, may hold spaces and parentheses: count from its closing parenthesis (field 3 onward).
  const ticks = stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  return ticks ? Number(ticks) : null;
}

/** A process's identity beyond its pid, which the system reuses: this boot, and the tick it started at. */
function processStart(pid: number): string | null {
  const ticks = startTicks(pid);
  if (ticks === null) return null;
  return `${readProcFile("sys/kernel/random/boot_id")?.trim() ?? ""}:${ticks}`;
}

/** When a process started on the wall clock (to the second or so), for claims that recorded no start. */
function processStartedAtMs(pid: number): number | null {
  const ticks = startTicks(pid);
  const bootSeconds = /^btime (\d+)$/m.exec(readProcFile("stat") ?? "")?.[1];
  // Start times count USER_HZ ticks, 100 a second on Linux.
  return ticks === null || !bootSeconds ? null : Number(bootSeconds) * 1000 + ticks * 10;
}

/**
 * Removes a stale claim file unless another process replaced it since it was read: the file is moved aside first
 * (one mover gets it), and put back when it turns out to be someone's fresh claim.
 */
function removeIfUnchanged(file: string, staleText: string): void {
  const aside = `${file}.stale-${randomUUID()}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    if (readFileSync(aside, "utf8") !== staleText) linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

/** Removes the claim file when the database closes or the process exits, unless it is no longer this claim. */
function releaseOnExit(file: string, token: string): () => void {
  const release = () => {
    process.off("exit", release);
    try {
      if (readClaim(file)?.claim.token === token) rmSync(file, { force: true });
    } catch {
      // Left behind, it reads as stale at the next start.
    }
  };
  process.once("exit", release);
  return release;
}

export async function openPglite(dataDir: string): Promise<Connection> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : claimEmbeddedDirectory(dataDir);
  try {
    return await startPglite(inMemory ? dataDir : path.join(dataDir, "pglite"), release);
  } catch (error) {
    release();
    throw error;
  }
}

async function startPglite(location: string, release: () => void): Promise<Connection> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = new PGlite(location);
  const db = drizzle(client, { schema, logger });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
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
  db.transaction = (run, config) =>
    transactionOnOwnConnection(pool, (client) => drizzle(client, { schema, logger }).transaction(run, config));
  return { kind: "postgres", db: db as unknown as Database, close: () => pool.end(), pool };
}

/**
 * drizzle's transaction on a pool keeps the connection when BEGIN fails (after a server restart, or a timeout): each
 * such failure would take one connection out of the pool for good. Here the connection is checked out and given back
 * by this code. After a failure it goes back only if it still answers at once: an ordinary refusal (an action that
 * rolls back) keeps its connection, a dead or still busy one is dropped, as pg's own pool.query does.
 */
async function transactionOnOwnConnection<T>(pool: Pool, run: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const result = await run(client);
    client.release();
    return result;
  } catch (error) {
    const usable = await stillUsable(client);
    client.release(usable ? undefined : error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/** A ROLLBACK outside a transaction only warns, so it probes a connection without changing anything. */
function stillUsable(client: PoolClient): Promise<boolean> {
  const probe: QueryConfig & { query_timeout: number } = { text: "rollback", query_timeout: 1_000 };
  return client.query(probe).then(
    () => true,
    () => false,
  );
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

export function openConnectionFromEnv(source?: NodeJS.ProcessEnv): Promise<Connection> {
  const settings = source ? parseEnv(source) : env();
  return settings.DATABASE_URL ? openPostgres(settings.DATABASE_URL) : openPglite(embeddedDataDir(source));
}

/** The pool's figures for the metrics: connections open, idle, and callers waiting for one (PostgreSQL only). */
export async function poolStats(): Promise<{ total: number; idle: number; waiting: number } | null> {
  const current = holder.__keyhouseConnection;
  if (!current) return null;
  const opened = await current.catch(() => null);
  return opened?.pool
    ? { total: opened.pool.totalCount, idle: opened.pool.idleCount, waiting: opened.pool.waitingCount }
    : null;
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
