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
 * With a PostgreSQL server at hand, the other suites run on it, and PGlite keeps what concerns the embedded engine
 * itself: its faults, its single-process claim and outages, migrations, and the suites whose SQL leans on the engine
 * most (raw queries over the vault and sync, bulk writes, query counts, the login throttle's counting, sessions). The
 * end-to-end tests run the whole product on PGlite besides.
 */
const PGLITE_WITH_A_SERVER = [
  "tests/integration/db-faults.test.ts",
  "tests/integration/embedded-claim.test.ts",
  "tests/integration/outage.test.ts",
  "tests/integration/migrations.test.ts",
  "tests/integration/items.test.ts",
  "tests/integration/items-route.test.ts",
  "tests/integration/import.test.ts",
  "tests/integration/clients-queries.test.ts",
  "tests/integration/login-throttle.test.ts",
  "tests/integration/sessions.test.ts",
  "tests/integration/bitwarden-api/sync-and-revisions.test.ts",
  "tests/integration/bitwarden-api/bulk.test.ts",
];

const integration = (name: string, env: Record<string, string>, include = ["tests/integration/**/*.test.ts"]) => ({
  resolve: { alias },
  test: {
    name,
    include,
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
    process.env.TEST_DATABASE_URL ? PGLITE_WITH_A_SERVER : undefined,
  ),
];
// Every integration suite runs on a PostgreSQL server when one is given.
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
