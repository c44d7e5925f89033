import { defineConfig, devices } from "@playwright/test";
import { BASE_URL, PORT, TLS_DIR, TLS_PORT } from "./e2e/support/servers";

/**
 * End-to-end tests drive Debian's Chromium (its headless shell) against a production build (`next build` first, then `next start`) on a
 * fresh embedded database, which the server seeds with the demo data on start; and the official Bitwarden CLI
 * against the same server over HTTPS.
 */

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    // A failed test keeps its trace (DOM snapshots of every step) and a screenshot of the end. The trace's screencast is
    // left out: encoding a frame at every paint took a third of the end-to-end run's CPU (measured with `time` over
    // three specs: 103 s with it, 70 s without, 67 s with no trace at all).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    screenshot: "only-on-failure",
    launchOptions: {
      // Chromium's headless shell (Debian's chromium-headless-shell) renders the same pages for about two thirds of the
      // CPU the full browser takes headless, and with the compositor in the browser process (--in-process-gpu) a little
      // less again: the tests are bound by CPU on two cores (measured with `ps` per process over e2e/auth.spec.ts).
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium-headless-shell",
      // As root in CI: no sandbox; and no background traffic to hosts this machine cannot reach.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--in-process-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // A data folder per port, so two e2e runs on one machine never share (or delete) each other's database. It is
      // seeded before the server opens it (e2e/support/seed-before-start.ts), unless `npm test` prepared it already.
      // Next's own entry point rather than npx, which costs a second of CPU at every start.
      command: `node --import ./scripts/register-server-hooks.mjs --import tsx e2e/support/seed-before-start.ts && exec node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1`,
      url: `${BASE_URL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        KEYHOUSE_DATA_DIR: `.data-e2e-${PORT}`,
        KEYHOUSE_DEV_MAILBOX: "true",
        AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
        APP_URL: BASE_URL,
        LOG_LEVEL: "warn",
        // bcrypt at its cheapest: each login's bcrypt runs on the server's one thread, and the tests log in hundreds of
        // times. The master key derivation in the browser is unchanged.
        KEYHOUSE_BCRYPT_COST: "4",
        // The last one is e2e/support/legacy-account.ts: listed, but its address is not verified.
        ADMIN_EMAILS:
          "operator@keyhouse.test,operator2@keyhouse.test,operator3@keyhouse.test,operator4@keyhouse.test,legacy-operator@keyhouse.test",
      },
    },
    {
      // A throwaway certificate authority and certificate, made at start (scripts/tls-proxy.mjs).
      command: `rm -rf ${TLS_DIR} && exec node scripts/tls-proxy.mjs --listen ${TLS_PORT} --upstream ${BASE_URL} --dir ${TLS_DIR}`,
      url: `https://127.0.0.1:${TLS_PORT}/api/health/live`,
      ignoreHTTPSErrors: true,
      // Its health check passes through to the app, which takes longest to start.
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
