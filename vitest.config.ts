import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = {
  "@": root,
  // `server-only` throws outside React's server build; tests run the server modules directly.
  "server-only": fileURLToPath(new URL("./tests/support/empty-module.ts", import.meta.url)),
};

/**
 * The authorization matrices: every action, route and grant tried as every role. What they check is Keyhouse's, not
 * the database engine's, so with a PostgreSQL server at hand they run on it alone (about twice as fast as PGlite);
 * without one they run on PGlite.
 */
const MATRICES = [
  "tests/integration/isolation/**/*.test.ts",
  "tests/integration/escalation/**/*.test.ts",
  "tests/integration/bitwarden-api/routes-isolation.test.ts",
  "tests/integration/bitwarden-api/organization-roles.test.ts",
];

const integration = (name: string, env: Record<string, string>, exclude: string[] = []) => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    exclude,
    environment: "node",
    // Migrates (and seeds the demo into) template databases once; each file's database is a copy of one.
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/integration-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env,
  },
});

const projects = [
  {
    resolve: { alias },
    test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
  },
  integration(
    "integration-pglite",
    { KEYHOUSE_TEST_DB: "pglite", LOG_LEVEL: "silent", ADMIN_EMAILS: "operator@keyhouse.test" },
    process.env.TEST_DATABASE_URL ? MATRICES : [],
  ),
];
// The same integration suites run again on a PostgreSQL server when one is given.
if (process.env.TEST_DATABASE_URL) {
  projects.push(
    integration("integration-pg", {
      KEYHOUSE_TEST_DB: "postgres",
      LOG_LEVEL: "silent",
      ADMIN_EMAILS: "operator@keyhouse.test",
    }),
  );
}

// Integration files wait on their database about as much as they compute: on two cores, two workers finish the
// PGlite and PostgreSQL suites in about 70% of the time one takes (Vitest's default is one worker per core but one).
export default defineConfig({ test: { projects, maxWorkers: Math.max(2, availableParallelism() - 1) } });
