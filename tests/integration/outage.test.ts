import { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { updateNameAction } from "@/app/(vault)/settings/actions";
import { type Connection, connection, installConnection } from "@/db/client";
import * as schema from "@/db/schema";
import { log } from "@/lib/server/log";
import proxy from "@/proxy";
import { createTestUser, type TestUser } from "../support/factories";
import { currentSession, signInAs } from "../support/session";

type Proxy = (request: NextRequest) => Promise<Response>;

function visit(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  return (proxy as unknown as Proxy)(new NextRequest(url, init));
}

/** A database server that refuses connections (stopped, restarting, unreachable). */
function refusingDatabase(): Promise<Connection> {
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  const failing = Promise.reject(refused);
  failing.catch(() => {}); // rejected on purpose: each request that asks for it gets the error
  return failing;
}

/** A database that went away mid-flight: each query fails inside Drizzle, which wraps it with its SQL and parameters. */
async function closedDatabase(): Promise<Connection> {
  const client = new PGlite();
  await client.close();
  const db = drizzle(client, { schema }) as unknown as Connection["db"];
  return { kind: "pglite", db, close: async () => {} };
}

/**
 * When the database cannot be reached, the first gate cannot tell who is asking. People get a page that says so
 * (not next start's plain "Internal Server Error"), programs get JSON, both a 503 with Retry-After.
 */
describe("proxy.ts while the database is down", () => {
  let user: TestUser;
  let live: Promise<Connection>;
  beforeAll(async () => {
    user = await createTestUser();
    live = connection();
    await live;
  });
  afterEach(() => {
    installConnection(live);
    vi.restoreAllMocks();
  });

  it("a page: 503, a page in the product's look that says what happened, with Retry-After and the security headers", async () => {
    await signInAs(user.id);
    installConnection(refusingDatabase());
    const response = await visit('http://localhost/vault?folder=a&b="<x>"');
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    const html = await response.text();
    expect(html).toContain("<h1>Keyhouse can't reach its database</h1>");
    expect(html).toMatch(/temporary/);
    expect(html).toMatch(/Nothing you saved has been lost/);
    expect(html).toMatch(/try again in a minute/i);
    expect(html).toContain('<a class="button" href="/vault?folder=a&#38;b=%22%3Cx%3E%22">Try again</a>');
    expect(html).not.toMatch(/<script/i);
  });

  it("the Try again link stays on this site", async () => {
    await signInAs(user.id);
    installConnection(refusingDatabase());
    const html = await (await visit("http://localhost//evil.example/vault")).text();
    expect(html).toContain('<a class="button" href="/">Try again</a>');
  });

  it("an API or a server action: 503 with JSON", async () => {
    await signInAs(user.id);
    installConnection(refusingDatabase());
    for (const response of [
      await visit("http://localhost/api/accounts/keys"),
      await visit("http://localhost/vault", {
        method: "POST",
        headers: { "next-action": "7f3b2a9c", "content-type": "text/plain;charset=UTF-8" },
        body: "[]",
      }),
    ]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
      expect(response.headers.get("content-security-policy")).toMatch(/nonce-/);
      expect(await response.json()).toEqual({ error: "Keyhouse is temporarily unavailable." });
    }
  });

  it("a database that fails each query: also a 503, and the log line has no SQL and no parameter", async () => {
    await signInAs(user.id);
    const stamp = currentSession()!.securityStamp;
    const lines: unknown[] = [];
    vi.spyOn(log, "error").mockImplementation(((...args: unknown[]) => void lines.push(args)) as typeof log.error);
    const closed = await closedDatabase();
    // What such a failure carries: the query and its parameters (which next start used to print).
    const raw = await closed.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.securityStamp, stamp))
      .catch((error: unknown) => error);
    expect(String(raw)).toContain(stamp);
    installConnection(Promise.resolve(closed));

    const response = await visit(`http://localhost/organizations/${user.id}/members`);
    expect(response.status).toBe(503);
    expect(lines).toHaveLength(1);
    const logged = JSON.stringify(lines);
    expect(logged).toContain("PGlite is closed");
    expect(logged).toContain('"database":true');
    for (const leak of ["select", "Failed query", "params", '"users"', "security_stamp", user.id, stamp, user.email]) {
      expect(logged).not.toContain(leak);
    }
  });

  it("a server action while queries fail: a sentence for the person, and a log line without SQL or parameters", async () => {
    await signInAs(user.id);
    const stamp = currentSession()!.securityStamp;
    const lines: unknown[] = [];
    vi.spyOn(log, "error").mockImplementation(((...args: unknown[]) => void lines.push(args)) as typeof log.error);
    installConnection(Promise.resolve(await closedDatabase()));

    const result = await updateNameAction({ name: "Renamed During The Outage" });
    expect(result).toMatchObject({
      ok: false,
      code: "internal",
      error: "Something went wrong and nothing was saved. Please try again.",
    });
    expect(lines).toHaveLength(1);
    const logged = JSON.stringify(lines);
    expect(logged).toContain('"action":"account.updateName"');
    for (const leak of ["select", "Failed query", "params", '"users"', "security_stamp", user.id, stamp, user.email]) {
      expect(logged).not.toContain(leak);
    }
  });

  it("pages that need no session still go through, and everything is back once the database is", async () => {
    await signInAs(user.id);
    installConnection(refusingDatabase());
    expect((await visit("http://localhost/login")).headers.get("x-middleware-next")).toBe("1");
    installConnection(live);
    const response = await visit("http://localhost/vault");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
