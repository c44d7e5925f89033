import "server-only";
import { DrizzleQueryError, sql } from "drizzle-orm";
import { type Connection, connection, EmbeddedDatabaseInUseError, getDb, poolStats, selectRows } from "@/db/client";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import { purgeAbandonedUploads } from "@/lib/dal/attachments";
import { purgeExpiredTrash } from "@/lib/dal/item-writes";
import { recordUsageOnce } from "@/lib/dal/usage-ledger";
import { purgeOldWebhookDeliveries } from "@/lib/dal/provider-webhooks";
import { deliverDueWebhooks } from "./webhooks";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { countQueuedMail } from "@/lib/dal/mail-outbox";
import { deliverPendingMail } from "@/lib/mail/outbox";
import { observeHttpRequests, setMetricSources } from "@/lib/server/metrics";

export type StartupOptions = {
  /** Called when the server must not run on: its embedded database folder is held by another process. */
  onFatal: (error: Error) => void;
  /** Pause between attempts to open the database: doubling from `first` up to `max`. */
  retryDelayMs?: { first: number; max: number };
};

/** What prepareServer left running: timers to cancel and work under way, stopped together (tests). */
type Tasks = { stopped: boolean; cancels: Set<() => void>; running: Set<Promise<unknown>> };

const RETRY_DELAY_MS = { first: 500, max: 10_000 };

/**
 * Opens the database (which applies migrations), then runs the start work: the demo seed on an empty embedded
 * database, mail an earlier run queued, the trash purge and usage ledger schedules. Never throws, or Next.js would keep the failed
 * start and answer every request with a 500: a database that cannot be opened is retried in the background (requests
 * fail fast meanwhile) and the start work runs once it opens. Returns a function that stops what is left running
 * and resolves once the work under way has ended.
 */
export async function prepareServer({
  onFatal,
  retryDelayMs = RETRY_DELAY_MS,
}: StartupOptions): Promise<() => Promise<void>> {
  const tasks: Tasks = { stopped: false, cancels: new Set(), running: new Set() };
  observeHttpRequests();
  setMetricSources({ pool: poolStats, mailQueue: countQueuedMail });
  await openThenStart(tasks, { onFatal, retryDelayMs }, retryDelayMs.first, null);
  return async () => {
    tasks.stopped = true;
    tasks.cancels.forEach((cancel) => cancel());
    await Promise.allSettled([...tasks.running]);
  };
}

/** For the server: one clear line on stderr and a non-zero exit, so the process manager shows why it stopped. */
export function exitServer(error: Error): never {
  process.stderr.write(`Keyhouse cannot start: ${error.message}\n`);
  process.exit(1);
}

/** One attempt to open the database; on failure the next is scheduled, and logged only when the reason changes. */
async function openThenStart(
  tasks: Tasks,
  options: Required<StartupOptions>,
  delayMs: number,
  lastFailure: string | null,
): Promise<void> {
  if (tasks.stopped) return;
  let kind: Connection["kind"];
  try {
    ({ kind } = await connection());
  } catch (error) {
    if (error instanceof EmbeddedDatabaseInUseError) return options.onFatal(error);
    const failure = describeError(error);
    if (failure !== lastFailure) log.warn({ error: failure }, "database unavailable; retrying in the background");
    const nextDelayMs = Math.min(delayMs * 2, options.retryDelayMs.max);
    later(tasks, delayMs, () => openThenStart(tasks, options, nextDelayMs, failure));
    return;
  }
  if (tasks.stopped) return;
  log.info({ database: kind }, "database ready (migrations applied)");
  await runStartWork(tasks, kind);
}

/** Runs `run` after a pause; a fired timer drops its cancel, so a long outage does not pile them up. */
function later(tasks: Tasks, delayMs: number, run: () => Promise<void>): void {
  const cancel = () => clearTimeout(timer);
  const timer = setTimeout(() => {
    tasks.cancels.delete(cancel);
    inBackground(tasks, run());
  }, delayMs).unref();
  tasks.cancels.add(cancel);
}

/** Work nobody waits for; it handles its own errors. */
function inBackground(tasks: Tasks, work: Promise<unknown>): void {
  tasks.running.add(work);
  void work.finally(() => tasks.running.delete(work));
}

async function runStartWork(tasks: Tasks, kind: Connection["kind"]): Promise<void> {
  // DESIGN §10: only an empty embedded database is seeded by itself; a server database never is.
  if (kind === "pglite" && env().KEYHOUSE_SEED_DEMO) await seedDemo();
  // Several instances may start at once: each mail is claimed by one of them (see deliverPendingMail).
  inBackground(
    tasks,
    deliverPendingMail().catch((error: unknown) =>
      log.warn({ error: describeError(error) }, "pending mail delivery failed"),
    ),
  );
  scheduleTrashPurge(tasks);
  scheduleUsageLedger(tasks);
  scheduleWebhooks(tasks);
}

async function seedDemo(): Promise<void> {
  try {
    if (await seedDemoIfEmpty()) log.info("demo data seeded into the empty embedded database");
  } catch (error) {
    log.error({ error: describeError(error) }, "seeding the demo data failed");
  }
}

/**
 * Runs `work` now and then every `intervalMs` while the server runs; a run still going when the next is due is not
 * doubled. `work` handles its own failures.
 */
function every(tasks: Tasks, intervalMs: number, work: () => Promise<void>): void {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = work().finally(() => {
      running = null;
    });
    inBackground(tasks, running);
  };
  run();
  const timer = setInterval(run, intervalMs).unref();
  tasks.cancels.add(() => clearInterval(timer));
}

const SIX_HOURS = 6 * 60 * 60 * 1000;
const ONE_HOUR = 60 * 60 * 1000;
const FIFTEEN_SECONDS = 15 * 1000;

/** Items left in the trash for 30 days are deleted for good: now, and every six hours while the server runs. */
function scheduleTrashPurge(tasks: Tasks): void {
  every(tasks, SIX_HOURS, () =>
    purgeTrashOnce().then(
      (purged) => {
        if (purged) log.info({ purged }, "emptied expired items from the trash");
      },
      (error: unknown) => log.warn({ error: describeError(error) }, "trash purge failed"),
    ),
  );
}

/** The usage ledger records today for every client: now, and every hour while the server runs (missed days too). */
function scheduleUsageLedger(tasks: Tasks): void {
  every(tasks, ONE_HOUR, () =>
    recordUsageOnce(new Date()).then(
      () => undefined,
      (error: unknown) => log.warn({ error: describeError(error) }, "recording the usage ledger failed"),
    ),
  );
}

/**
 * Provider webhooks due now (new events, and retries whose time came) go out every fifteen seconds; deliveries over
 * for a month are dropped every six hours.
 */
function scheduleWebhooks(tasks: Tasks): void {
  every(tasks, FIFTEEN_SECONDS, () => deliverDueWebhooks().then(() => undefined));
  every(tasks, SIX_HOURS, () =>
    purgeOldWebhookDeliveries(new Date()).then(
      () => undefined,
      (error: unknown) => log.warn({ error: describeError(error) }, "dropping old webhook deliveries failed"),
    ),
  );
}

/** Any fixed number, the same in every instance (727274 guards the migrations). */
const TRASH_PURGE_LOCK = 727275;

/**
 * One trash purge, by one instance at a time: the instance holding the lock purges, the others skip (null). The lock
 * is the transaction's, so a crash cannot leave it held.
 */
export async function purgeTrashOnce(): Promise<number | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [lock] = await selectRows<{ taken: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${TRASH_PURGE_LOCK}::bigint) as taken`,
    );
    if (!lock?.taken) return null;
    // Uploads the apps started and never finished go with the same sweep.
    await purgeAbandonedUploads(tx);
    return purgeExpiredTrash(tx);
  });
}

/** A short reason for the log: drizzle's own message carries the query's parameters, its cause does not. */
function describeError(error: unknown): string {
  const reason = error instanceof DrizzleQueryError && error.cause ? error.cause : error;
  if (!(reason instanceof Error)) return String(reason);
  // A refused connection to "localhost" (both address families) is an AggregateError with an empty message.
  return reason.message || (reason as NodeJS.ErrnoException).code || reason.name;
}
