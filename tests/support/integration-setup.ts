import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, vi } from "vitest";
import { closeConnection, connection, openPglite, openPostgres, installConnection } from "@/db/client";

/**
 * Every integration test file gets a database of its own, freshly migrated: an in-memory PGlite by default, or a
 * new database on the PostgreSQL server of TEST_DATABASE_URL for the `integration-pg` project.
 */
// Only next-auth's cookie decoding is replaced (see tests/support/session.ts), in both of auth()'s forms: called,
// it answers the session; given a handler (proxy.ts), it hands the handler the request with the session attached.
vi.mock("@/lib/auth/config", async () => {
  const { testSession } = await import("./session");
  return {
    auth: (handler?: unknown) =>
      typeof handler === "function"
        ? (request: object) => handler(Object.assign(request, { auth: testSession.current }))
        : Promise.resolve(testSession.current),
    handlers: {},
    signIn: async () => undefined,
    signOut: async () => undefined,
  };
});

let dropDatabase: (() => Promise<void>) | undefined;

// bcrypt's work factor is part of each stored hash; tests use a lower one to stay fast.
process.env.KEYHOUSE_BCRYPT_COST ??= "4";

beforeAll(async () => {
  if (process.env.KEYHOUSE_TEST_DB === "postgres") {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error("TEST_DATABASE_URL is required for the integration-pg project");
    const name = `keyhouse_test_${randomBytes(6).toString("hex")}`;
    await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    installConnection(openPostgres(url.toString()));
    dropDatabase = async () => {
      await withAdminClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    };
  } else {
    installConnection(openPglite("memory://"));
  }
  await connection();
});

afterAll(async () => {
  await closeConnection();
  await dropDatabase?.();
});

async function withAdminClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
