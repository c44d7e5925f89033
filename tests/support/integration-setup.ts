import type { PGliteOptions } from "@electric-sql/pglite";
import { afterAll, beforeAll, vi } from "vitest";
import { closeTestDatabase, replaceTestDatabase } from "./test-database";

/**
 * Every integration test file gets a database of its own, freshly migrated and empty: an in-memory PGlite by default,
 * or a new database on the PostgreSQL server of TEST_DATABASE_URL for the `integration-pg` project. Both are copies
 * of a template migrated once per run (tests/support/test-database.ts); loadDemo() swaps in a copy of the demo's.
 */
// Only the session cookie's decoding is replaced (see tests/support/session.ts), for pages and for proxy.ts alike;
// everything after it (the session row and security-stamp check against the database, scopes, permissions) is the
// real code. next-auth itself is not started: the login, logout and cookie are tested end to end in the browser.
vi.mock("@/lib/auth/session-cookie", async () => {
  const { testSessionClaims } = await import("./session");
  return {
    sessionClaimsOfPage: async () => testSessionClaims(),
    sessionClaimsOfRequest: async () => testSessionClaims(),
    sessionClaimsFromCookies: async () => testSessionClaims(),
  };
});
vi.mock("@/lib/auth/config", () => ({
  auth: async () => null,
  handlers: {},
  signIn: async () => undefined,
  signOut: async () => undefined,
}));

// db/client.ts opens PGlite with a data directory path only; a PGlite started from a template's tarball is the same
// class given `loadDataDir` (a subclass, so drizzle still recognizes it). Only in-memory databases take a template.
vi.mock("@electric-sql/pglite", async (importOriginal) => {
  const original = await importOriginal<typeof import("@electric-sql/pglite")>();
  const { takePgliteDataDir } = await import("./test-database");
  class PGliteFromTemplate extends original.PGlite {
    constructor(dataDir?: string, options: PGliteOptions = {}) {
      const loadDataDir = dataDir?.startsWith("memory://") ? takePgliteDataDir() : undefined;
      super(dataDir, loadDataDir ? { ...options, loadDataDir } : options);
    }
  }
  return { ...original, PGlite: PGliteFromTemplate };
});

// bcrypt's work factor is part of each stored hash; tests use a lower one to stay fast.
process.env.KEYHOUSE_BCRYPT_COST ??= "4";

beforeAll(async () => {
  await replaceTestDatabase("migrated");
});

afterAll(async () => {
  await closeTestDatabase();
});
