import { inspect } from "node:util";
import { DrizzleQueryError } from "drizzle-orm";
import { DatabaseError } from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isDatabaseError, log, summarizeError } from "@/lib/server/log";
import { onRequestError } from "@/lib/server/request-errors";

const USER_ID = "6f1c3a52-8a1e-4c57-9d0b-2f7f5b8e9c11";
const STAMP = "0d3e4b6a-1c2f-4e8d-9a7b-5c6d7e8f9a0b";
const EMAIL = "someone.private@client1.example";
const SQL =
  'select "users"."id", "users"."email" from "users" where ("users"."id" = $1 and "users"."security_stamp" = $2)';

/** A failed query as Drizzle throws it: the SQL and its parameters in the message, the driver's error as cause. */
function failedQuery(cause: Error, params: unknown[] = [USER_ID, STAMP]): DrizzleQueryError {
  return new DrizzleQueryError(SQL, params, cause);
}

function driverError(message: string, fields: Partial<DatabaseError>): DatabaseError {
  return Object.assign(new DatabaseError(message, 100, "error"), fields);
}

function refusedConnection(): Error {
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
    code: "ECONNREFUSED",
    errno: -111,
  });
  return Object.assign(new AggregateError([refused], ""), { code: "ECONNREFUSED" });
}

/** Nothing a query carried: its text, a table's column list, or any of its parameters. */
function expectNoQueryIn(text: string) {
  expect(text).not.toContain("select");
  expect(text).not.toContain("security_stamp");
  expect(text).not.toContain("params:");
  expect(text).not.toContain(USER_ID);
  expect(text).not.toContain(STAMP);
  expect(text).not.toContain(EMAIL);
}

describe("summarizeError: the one way an error reaches a log line", () => {
  it("keeps a failed query's driver code, severity, table and constraint, and not the query or its parameters", () => {
    const error = failedQuery(
      driverError('duplicate key value violates unique constraint "users_email_unique"', {
        code: "23505",
        severity: "ERROR",
        table: "users",
        constraint: "users_email_unique",
        detail: `Key (email)=(${EMAIL}) already exists.`,
      }),
      [EMAIL, USER_ID],
    );
    const summary = summarizeError(error);
    expect(summary).toMatchObject({
      name: "error",
      message: 'duplicate key value violates unique constraint "users_email_unique"',
      code: "23505",
      severity: "ERROR",
      table: "users",
      constraint: "users_email_unique",
      database: true,
    });
    expectNoQueryIn(JSON.stringify(summary));
  });

  it("blanks a parameter value that the driver repeated in its message", () => {
    const error = failedQuery(
      driverError(`invalid input syntax for type uuid: "${STAMP}"`, { code: "22P02", severity: "ERROR" }),
    );
    const summary = summarizeError(error);
    expect(summary.message).toBe('invalid input syntax for type uuid: "[value]"');
    expectNoQueryIn(JSON.stringify(summary));
  });

  it("knows a database that cannot be reached: a refused connection, a closed embedded database", () => {
    expect(summarizeError(refusedConnection())).toMatchObject({
      code: "ECONNREFUSED",
      database: true,
      message: "connect ECONNREFUSED 127.0.0.1:5432",
    });
    expect(isDatabaseError(failedQuery(new Error("PGlite is closed")))).toBe(true);
    expect(isDatabaseError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseError(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseError("a string")).toBe(false);
  });

  it("a wrapper without a driver error says only that a query failed", () => {
    const summary = summarizeError(failedQuery(undefined as unknown as Error));
    expect(summary.message).toBe("query failed");
    expectNoQueryIn(JSON.stringify(summary));
  });

  it("keeps where an error was thrown and the reference shown on the error page", () => {
    const error = Object.assign(new Error("boom"), { digest: "1234567890" });
    const summary = summarizeError(error);
    expect(summary).toMatchObject({ name: "Error", message: "boom", digest: "1234567890" });
    expect(summary.at?.[0]).toMatch(/^at /);
    expect(summary.database).toBeUndefined();
    expect(summarizeError("thrown text with a secret")).toEqual({ name: "NonError", message: "a string was thrown" });
  });
});

describe("onRequestError (instrumentation.ts): page, route and action errors", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("logs the summary, then leaves Next.js nothing of the query to print", async () => {
    const lines: unknown[] = [];
    vi.spyOn(log, "error").mockImplementation(((...args: unknown[]) => void lines.push(args)) as typeof log.error);
    const error = Object.assign(failedQuery(new Error("PGlite is closed")), { digest: "4242" });
    expect(inspect(error)).toContain(STAMP); // what `next start` printed before

    await onRequestError(
      error,
      { path: `/accept/${USER_ID}`, method: "GET", headers: {} },
      {
        routerKind: "App Router",
        routePath: "/vault",
        routeType: "render",
        renderSource: "react-server-components",
        revalidateReason: undefined,
      },
    );

    expect(lines).toHaveLength(1);
    const logged = JSON.stringify(lines);
    expectNoQueryIn(logged);
    expect(logged).toContain('"digest":"4242"');
    expect(logged).toContain('"route":"/vault"');
    expect(logged).toContain("PGlite is closed");
    // Next.js logs the error object itself after the hook (util.inspect: message, stack, own fields, causes).
    const printed = inspect(error, { depth: 10 });
    expectNoQueryIn(printed);
    expect(printed).toContain("PGlite is closed");
    expect(error.digest).toBe("4242");
  });
});

describe("errors Next.js prints itself", () => {
  it("reach the output as their summary, whoever hands them to console.error", async () => {
    const { printErrorsInSummary } = await import("@/lib/server/request-errors");
    const original = console.error;
    const printed: unknown[][] = [];
    console.error = (...args: unknown[]) => printed.push(args);
    try {
      printErrorsInSummary();
      console.error(
        " ⨯",
        failedQuery(driverError('relation "users" does not exist', { code: "42P01", severity: "ERROR" })),
      );
    } finally {
      console.error = original;
    }
    const text = printed.map((args) => args.map((arg) => inspect(arg)).join(" ")).join("\n");
    expectNoQueryIn(text);
    expect(text).toContain('relation "users" does not exist');
    expect(text).toContain("42P01");
  });
});
