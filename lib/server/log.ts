import "server-only";
import pino from "pino";
import { env } from "./env";

/**
 * Keys whose values must never reach a log line. Keyhouse is zero knowledge: even wrapped keys and hashes stay
 * out of logs, so a leaked log file reveals nothing an attacker could work on offline.
 */
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "masterPassword",
  "masterPasswordHash",
  "masterPasswordHint",
  "key",
  "userKey",
  "orgKey",
  "providerKey",
  "privateKey",
  "encryptedPrivateKey",
  "token",
  "accessToken",
  "refreshToken",
  "inviteToken",
  "secret",
  "clientSecret",
  "totpSecret",
  "authorization",
  "cookie",
  "smtpUrl",
  "databaseUrl",
];

/** Redaction paths: each secret key at the top level of a log object and one level down (`{ user: { key } }`). */
const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
  "*.headers.authorization",
  "*.headers.cookie",
];

/** A bad LOG_LEVEL must not break every module that logs: the server's start names it (checkEnv) and stops. */
function logLevel(): string {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info";
  }
}

/** The one server-side logger: JSON lines on stdout, secrets redacted. */
export const log = pino({
  level: logLevel(),
  // No pid/hostname on every line: the process manager already knows them.
  base: undefined,
  redact: { paths: REDACT_PATHS, censor: "[redacted]" },
});

/**
 * What a log line may say about an error. Drizzle wraps a failed query as `Failed query: <sql>\nparams: <values>`,
 * and the values are user ids, security stamps, emails: so for database errors only the driver's code, severity,
 * constraint, table and column names and a one-line message (with any parameter value blanked) are kept.
 */
export type ErrorSummary = {
  name: string;
  message: string;
  /** The SQLSTATE (23505) or the system's error code (ECONNREFUSED). */
  code?: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** Set when the error came from the database or the connection to it. */
  database?: true;
  /** The reference Next.js shows on its error pages (app/error.tsx), to find this line. */
  digest?: string;
  /** Where it was thrown: stack frames only, never the message lines above them. */
  at?: string[];
};

const MAX_MESSAGE = 200;
const MAX_FRAMES = 6;
const MAX_CAUSES = 5;

/** Errors of the network or of the driver that mean the database cannot be reached right now. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);
const CONNECTION_MESSAGES =
  /PGlite is clos(ed|ing)|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|database system is (starting up|shutting down)/i;
const SQLSTATE = /^[0-9A-Z]{5}$/;

type Fields = Record<string, unknown>;

/** The error and its causes, outermost first (an AggregateError from a refused connection counts its first error). */
function causeChain(error: Error): Error[] {
  const chain: Error[] = [error];
  for (let current: unknown = error; chain.length <= MAX_CAUSES;) {
    const fields = current as Fields;
    const next = fields.cause ?? (Array.isArray(fields.errors) ? fields.errors[0] : undefined);
    if (!(next instanceof Error) || chain.includes(next)) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

/** Drizzle's wrapper around a failed query (it sets no name of its own, so it is known by its fields). */
function isQueryWrapper(error: Error): boolean {
  const fields = error as unknown as Fields;
  return (typeof fields.query === "string" && "params" in fields) || error.message.startsWith("Failed query:");
}

/** A driver field (code, severity, table…), looked for from the root of the chain outwards. */
function stringField(chain: Error[], key: string): string | undefined {
  for (const error of [...chain].reverse()) {
    const value = (error as unknown as Fields)[key];
    if (typeof value === "string" && value) return value;
  }
  return undefined;
}

/** Whether an error came from the database or the way to it (the proxy answers 503 for these). */
export function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return causeChain(error).some((link) => {
    const fields = link as unknown as Fields;
    const code = typeof fields.code === "string" ? fields.code : "";
    return (
      isQueryWrapper(link) ||
      (SQLSTATE.test(code) && typeof fields.severity === "string") ||
      CONNECTION_CODES.has(code) ||
      CONNECTION_MESSAGES.test(link.message)
    );
  });
}

/** Blanks each of the query's parameter values (ids, stamps, emails) wherever the driver repeated one. */
function withoutValues(text: string, params: unknown[]): string {
  let result = text;
  for (const param of params) {
    const value =
      typeof param === "string" ? param : typeof param === "number" || typeof param === "bigint" ? String(param) : "";
    // Short values ("1", "t") would blank unrelated words and are no secret.
    if (value.length >= 3) result = result.split(value).join("[value]");
  }
  return result;
}

/** The first line of a message: a query wrapper's message is the query itself, so it says only that one failed. */
function shortMessage(message: string, params: unknown[]): string {
  const line = withoutValues(
    message.startsWith("Failed query:") ? "query failed" : (message.split("\n", 1)[0] ?? ""),
    params,
  );
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}

/**
 * The one way an error reaches a log line (proxy.ts, the server action wrapper, lib/server/request-errors.ts): enough to
 * debug from, and nothing a query carried.
 */
export function summarizeError(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { name: "NonError", message: `a ${typeof error} was thrown` };
  const chain = causeChain(error);
  const params = chain.flatMap((link) => {
    const value = (link as unknown as Fields).params;
    return isQueryWrapper(link) && Array.isArray(value) ? value : [];
  });
  // The driver's own error sits at the root of the chain; a wrapper's message would repeat the query.
  const root = chain.at(-1)!;
  const summary: ErrorSummary = { name: root.name, message: shortMessage(root.message, params) };
  for (const key of ["code", "severity", "constraint", "table", "column"] as const) {
    const value = stringField(chain, key);
    if (value) summary[key] = value;
  }
  if (isDatabaseError(error)) summary.database = true;
  const digest = (error as unknown as Fields).digest;
  if (typeof digest === "string") summary.digest = digest;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => withoutValues(line.trim(), params));
  if (frames.length > 0) summary.at = frames;
  return summary;
}
