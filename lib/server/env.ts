import { availableParallelism } from "node:os";
import { z } from "zod";

/**
 * Every environment variable Keyhouse reads, checked once: a bad value stops the server at start (checkEnv) with a
 * message naming the variable and what it expects, instead of a silent fallback found months later. Each variable
 * and its default is documented in .env.example. Messages never repeat a value: some carry passwords.
 *
 * No "server-only" here: next.config.ts and the command-line scripts import this module too.
 */

const SECRET_HINT = "at least 32 characters (openssl rand -base64 32)";

function flag(fallback: boolean) {
  return z
    .enum(["true", "false"], { error: "must be true or false" })
    .optional()
    .transform((value) => (value === undefined ? fallback : value === "true"));
}

function wholeNumber(min: number, max: number, expected: string) {
  return z.string().regex(/^\d+$/, expected).transform(Number).pipe(z.number().min(min, expected).max(max, expected));
}

function integer(fallback: number, min: number, max: number, expected: string) {
  return wholeNumber(min, max, expected).default(fallback);
}

/** int4 in PostgreSQL: the largest statement_timeout / idle_in_transaction_session_timeout it takes. */
const MAX_MILLISECONDS = 2_147_483_647;
const milliseconds = (fallback: number) =>
  integer(fallback, 0, MAX_MILLISECONDS, "must be a whole number of milliseconds (0 turns the limit off)");

function url(protocols: readonly string[], expected: string) {
  return z
    .string()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, expected)
    .optional();
}

/** An address somewhere in the text: a bare one or `Name <address>`. */
const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+$/;
const listOf = (value: string) =>
  value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);

const variables = z.object({
  // Set by `next dev` / `next start` / the test runner: outside production /dev/mailbox is on.
  NODE_ENV: z
    .enum(["development", "production", "test"], { error: "must be development, production or test" })
    .optional(),
  PORT: integer(3000, 1, 65_535, "must be a port number from 1 to 65535"),
  /** `npm run demo` only: the address it listens on. */
  HOST: z.string().default("127.0.0.1"),
  APP_URL: url(["http:", "https:"], "must be an http:// or https:// URL"),
  TRUST_PROXY: flag(false),
  AUTH_SECRET: z.string().min(32, `must be ${SECRET_HINT}`).optional(),

  DATABASE_URL: url(["postgres:", "postgresql:"], "must be a postgres:// or postgresql:// URL"),
  DATABASE_POOL_SIZE: integer(10, 1, 1000, "must be a whole number from 1 to 1000"),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(15_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(30_000),
  KEYHOUSE_DATA_DIR: z.string().default(".data"),

  SMTP_URL: url(["smtp:", "smtps:"], "must be an smtp:// or smtps:// URL"),
  MAIL_FROM: z
    .string()
    .regex(/@/, "must be a sender address such as Keyhouse <no-reply@example.com>")
    .default("Keyhouse <no-reply@keyhouse.localhost>"),
  KEYHOUSE_DEV_MAILBOX: flag(false),
  // Webhooks go to public addresses only (a provider admin names them); a PSA on the same private network needs this.
  KEYHOUSE_WEBHOOKS_ALLOW_PRIVATE: flag(false),

  ADMIN_EMAILS: z
    .string()
    .refine((value) => listOf(value).every((entry) => EMAIL.test(entry)), "must be email addresses separated by commas")
    .transform((value): readonly string[] => Object.freeze(listOf(value).map((entry) => entry.toLowerCase())))
    .default(Object.freeze([])),

  SEAT_PRICE_TEAMS_MONTHLY_CENTS: integer(400, 0, 1_000_000, "must be a whole number of cents from 0 to 1000000"),
  SEAT_PRICE_ENTERPRISE_MONTHLY_CENTS: integer(600, 0, 1_000_000, "must be a whole number of cents from 0 to 1000000"),

  KEYHOUSE_BCRYPT_COST: integer(12, 4, 15, "must be a whole number from 4 to 15"),
  /** bcrypt runs in worker threads (lib/server/password-hashing.ts): one per core but one unless set, so a stream of
   * logins leaves a core to the event loop that serves every other request. */
  KEYHOUSE_HASH_WORKERS: integer(
    Math.max(1, availableParallelism() - 1),
    1,
    256,
    "must be a whole number from 1 to 256",
  ),
  /** Password checks that may wait for a worker (unset: 16 per worker); one more is answered "busy". */
  KEYHOUSE_HASH_QUEUE: wholeNumber(0, 100_000, "must be a whole number from 0 to 100000").optional(),
  KEYHOUSE_HASH_QUEUE_TIMEOUT_MS: integer(
    10_000,
    1,
    MAX_MILLISECONDS,
    "must be a whole number of milliseconds (at least 1)",
  ),
  /** The largest file attachment, encrypted, in MB (Bitwarden's 100 MB at most: lib/limits.ts). */
  KEYHOUSE_MAX_ATTACHMENT_MB: integer(100, 1, 100, "must be a whole number from 1 to 100"),
  /**
   * Hours between a client's owner entering another provider's move code and the move completing (the old provider
   * is told at once and cannot stop it). 0, the default: as soon as the new provider completes it.
   */
  KEYHOUSE_CLIENT_MOVE_NOTICE_HOURS: integer(0, 0, 720, "must be a whole number of hours from 0 to 720"),
  /** `off`: the site icon route (app/icons) is a 404, whatever users choose in their Preferences. */
  SITE_ICONS: z
    .enum(["on", "off"], { error: "must be on or off" })
    .default("on")
    .transform((value) => value === "on"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  METRICS_TOKEN: z.string().min(32, `must be ${SECRET_HINT}`).optional(),

  DEMO_PASSWORD: z.string().default("keyhouse-demo"),
  KEYHOUSE_SEED_DEMO: flag(true),
  /** `npm run bench:server` only: the statements its floor route replays (app/api/bench/floor); unset, it is a 404. */
  KEYHOUSE_BENCH_FLOOR_FILE: z.string().optional(),
});

const schema = variables.transform((parsed) => ({
  ...parsed,
  // One trailing form for links: `${APP_URL}/path`.
  APP_URL: (parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ""),
}));

/** Frozen: one parse is shared by every caller. */
export type Env = Readonly<z.output<typeof schema>>;

/** Every variable the schema knows (the test of .env.example checks each is documented there). */
export const ENV_NAMES = Object.keys(variables.shape) as (keyof typeof variables.shape)[];

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (see .env.example): ${problems.join("; ")}`);
    this.name = "EnvError";
  }
}

/** Parses a set of variables (process.env, or a test's own). Blank counts as unset; surrounding spaces are dropped. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const input: Record<string, string | undefined> = {};
  for (const name of ENV_NAMES) input[name] = source[name]?.trim() || undefined;
  const result = schema.safeParse(input);
  if (!result.success)
    throw new EnvError(result.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`));
  return Object.freeze(result.data);
}

let memo: { snapshot: string; env: Env } | undefined;

/**
 * The configuration, parsed once. Keyed on the current values, so tests that change a variable (vi.stubEnv) see
 * the change without a reset; comparing ~25 short strings costs far less than any request does.
 */
export function env(): Env {
  const snapshot = JSON.stringify(ENV_NAMES.map((name) => process.env[name] ?? null));
  if (memo?.snapshot !== snapshot) memo = { snapshot, env: parseEnv(process.env) };
  return memo.env;
}

/** Called when the server starts: throws an EnvError listing every bad variable, so the server does not come up. */
export function checkEnv(): Env {
  return env();
}
