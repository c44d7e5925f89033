import "server-only";
import { Worker } from "node:worker_threads";
import { SERVER_BUSY } from "@/lib/unavailable";
import { env } from "./env";

/**
 * bcrypt (bcryptjs, plain JavaScript) off the event loop: one compare at cost 12 takes ~290 ms of CPU, and on the
 * main thread every other request would wait behind it. A small pool of worker threads does the work; the main
 * thread only posts the job and awaits the answer. Workers start on first use, are kept for the next job, and are
 * unref'd while idle, so they never keep a process (tests, scripts) alive. Jobs beyond the workers wait in a bounded
 * queue, each for a bounded time; past either bound the job is refused at once with PasswordHashingBusyError
 * ("busy, try again") instead of the queue growing without end.
 */

/**
 * The worker's code, as source text run with `eval: true`: no file for a bundler to move or rewrite (next build,
 * next dev, vitest and tsx all run it the same way). `require` resolves from the working directory, where `next
 * start`, the standalone server (it changes to its own directory), the tests and the scripts find node_modules;
 * next.config.ts adds bcryptjs to the standalone output's. Sync calls: a worker does one job at a time, and
 * blocking its own thread is the point.
 */
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
parentPort.on("message", ({ operation, value, against }) => {
  try {
    const result = operation === "hash" ? bcrypt.hashSync(value, against) : bcrypt.compareSync(value, against);
    parentPort.postMessage({ result });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
`;

const BUSY = Symbol.for("keyhouse.password-hashing-busy");

/** Every worker is busy and the queue is full, or the wait for a worker ran out: the caller answers "try again". */
export class PasswordHashingBusyError extends Error {
  readonly [BUSY] = true;
  constructor(readonly why: "queue_full" | "wait_timed_out") {
    super(SERVER_BUSY);
    this.name = "PasswordHashingBusyError";
  }

  // Next.js may load this module once per bundle while the pool is one per process (below): recognise any copy.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && BUSY in value;
  }
}

export type PasswordHashingOptions = {
  /** Worker threads at most. */
  workers: number;
  /** Jobs that may wait for a worker; one more is refused at once. */
  maxQueued: number;
  /** How long a job may wait for a worker before it is refused. */
  queueTimeoutMs: number;
};

export type PasswordHashingStats = {
  workers: number;
  running: number;
  queued: number;
  /** Jobs handed to a worker since the pool began: a refused job is never counted. */
  started: number;
};

export type PasswordHashingPool = {
  /** bcrypt of `value` with a fresh salt at work factor `cost`. */
  hash(value: string, cost: number): Promise<string>;
  /** Whether `value` is what the bcrypt `hashed` was made from. */
  compare(value: string, hashed: string): Promise<boolean>;
  stats(): PasswordHashingStats;
  /** Refuses what is queued and stops every worker (a job that is running is rejected). */
  close(): Promise<void>;
};

type Job = {
  message:
    { operation: "hash"; value: string; against: number } | { operation: "compare"; value: string; against: string };
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
};

export function createPasswordHashingPool(options: PasswordHashingOptions): PasswordHashingPool {
  const idle: Worker[] = [];
  const running = new Map<Worker, Job>();
  const queue: Job[] = [];
  let started = 0;

  function startWorker(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, name: "keyhouse-bcrypt" });
    worker.on("message", (answer: { result?: unknown; error?: string }) => {
      const job = running.get(worker);
      running.delete(worker);
      if (job) {
        if (answer.error === undefined) job.resolve(answer.result);
        else job.reject(new Error(`bcrypt failed: ${answer.error}`));
      }
      release(worker);
    });
    // A worker that fails (bcryptjs not found, say) or exits fails its job and is replaced on the next one.
    const fail = (error: Error) => {
      const job = running.get(worker);
      running.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      job?.reject(error);
      if (queue.length > 0 && running.size + idle.length < options.workers) dispatch(queue.shift()!);
    };
    worker.on("error", (error) => fail(new Error(`bcrypt worker failed: ${error.message}`)));
    worker.on("exit", (code) => fail(new Error(`bcrypt worker exited with code ${code}`)));
    return worker;
  }

  function dispatch(job: Job, worker = idle.pop() ?? startWorker()): void {
    clearTimeout(job.timer);
    running.set(worker, job);
    started += 1;
    // Held while it works, so a script awaiting the answer is not ended under it.
    worker.ref();
    worker.postMessage(job.message);
  }

  function release(worker: Worker): void {
    const next = queue.shift();
    if (next) return dispatch(next, worker);
    worker.unref();
    idle.push(worker);
  }

  function submit<T>(message: Job["message"]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { message, resolve: resolve as (result: unknown) => void, reject };
      if (idle.length > 0 || running.size < options.workers) return dispatch(job);
      if (queue.length >= options.maxQueued) return reject(new PasswordHashingBusyError("queue_full"));
      job.timer = setTimeout(() => {
        queue.splice(queue.indexOf(job), 1);
        reject(new PasswordHashingBusyError("wait_timed_out"));
      }, options.queueTimeoutMs);
      // A queued job always waits behind a running one, whose worker keeps the process alive.
      job.timer.unref();
      queue.push(job);
    });
  }

  return {
    hash: (value, cost) => submit<string>({ operation: "hash", value, against: cost }),
    compare: (value, hashed) => submit<boolean>({ operation: "compare", value, against: hashed }),
    stats: () => ({ workers: idle.length + running.size, running: running.size, queued: queue.length, started }),
    async close() {
      for (const job of queue.splice(0)) {
        clearTimeout(job.timer);
        job.reject(new PasswordHashingBusyError("queue_full"));
      }
      await Promise.all([...idle.splice(0), ...running.keys()].map((worker) => worker.terminate()));
    },
  };
}

/**
 * Unless KEYHOUSE_HASH_QUEUE says otherwise: a burst of logins (an office arriving at nine) waits rather than being
 * refused, up to about five seconds of work at the default cost (~0.3 s a compare), well within the wait's timeout.
 */
const QUEUED_PER_WORKER = 16;

// One pool per process, shared by every bundle Next.js builds (route handlers, server actions, instrumentation).
const holder = globalThis as typeof globalThis & { __keyhousePasswordHashing?: PasswordHashingPool };

/** The process's pool, sized by KEYHOUSE_HASH_WORKERS / KEYHOUSE_HASH_QUEUE / KEYHOUSE_HASH_QUEUE_TIMEOUT_MS on first use. */
export function passwordHashing(): PasswordHashingPool {
  if (holder.__keyhousePasswordHashing) return holder.__keyhousePasswordHashing;
  const config = env();
  holder.__keyhousePasswordHashing = createPasswordHashingPool({
    workers: config.KEYHOUSE_HASH_WORKERS,
    maxQueued: config.KEYHOUSE_HASH_QUEUE ?? QUEUED_PER_WORKER * config.KEYHOUSE_HASH_WORKERS,
    queueTimeoutMs: config.KEYHOUSE_HASH_QUEUE_TIMEOUT_MS,
  });
  return holder.__keyhousePasswordHashing;
}
