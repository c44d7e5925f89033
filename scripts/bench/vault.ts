/**
 * `npm run bench`: how fast the vault shows a large vault. For 1,000 and 10,000 login items it measures, in
 * Chromium, the time from "keys in memory" to the first rendered list and to all names decrypted, beside a bare
 * WebCrypto loop decrypting the same names in the same page. README explains the figures.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { toBase64 } from "@/lib/crypto";
import { VAULT_KEYS_READY_MARK, VAULT_LIST_RENDERED_MARK, VAULT_NAMES_DECRYPTED_MARK } from "@/components/vault/vault-index";
import { type BenchVault, generateBenchVaults } from "./generate-vault";

const SIZES = [1000, 10_000];
const PORT = Number(process.env.BENCH_PORT || 3600);
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.resolve(".data-bench");
const BARE_DECRYPT_SCRIPT = path.resolve("scripts/bench/bare-decrypt.js");

function startServer(): ChildProcess {
  return spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: { ...process.env, KEYHOUSE_DATA_DIR: DATA_DIR, KEYHOUSE_SEED_DEMO: "false", LOG_LEVEL: "warn" },
  });
}

async function waitForHealth(): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (await fetch(`${BASE}/api/health`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not start");
}

async function logIn(page: Page, vault: BenchVault): Promise<void> {
  await page.goto(`${BASE}/login`);
  await page.getByLabel("Email address").fill(vault.email);
  await page.getByLabel("Master password").fill(vault.password);
  await page.getByRole("button", { name: "Log in with master password" }).click();
}

async function measure(page: Page, vault: BenchVault) {
  await logIn(page, vault);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, VAULT_NAMES_DECRYPTED_MARK, { timeout: 300_000, polling: 100 });
  const marks = await page.evaluate(
    (names) => names.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN),
    [VAULT_KEYS_READY_MARK, VAULT_LIST_RENDERED_MARK, VAULT_NAMES_DECRYPTED_MARK],
  );
  const [keysReady, listRendered, namesDecrypted] = marks as [number, number, number];
  await page.addScriptTag({ path: BARE_DECRYPT_SCRIPT });
  const bare = await page.evaluate(
    (input) => (window as unknown as { keyhouseBareDecryptAll: (input: unknown) => Promise<number> }).keyhouseBareDecryptAll(input),
    { key: toBase64(vault.userKey.toBytes()), names: vault.names },
  );
  return { firstList: listRendered - keysReady, allNames: namesDecrypted - keysReady, bare };
}

const format = (ms: number) => `${Math.round(ms).toLocaleString("en")} ms`;

rmSync(DATA_DIR, { recursive: true, force: true });
console.log("Generating bench vaults (real encryption)…");
const vaults = await generateBenchVaults(DATA_DIR, SIZES);
const server = startServer();
try {
  await waitForHealth();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const rows = [];
  for (const vault of vaults) {
    const page = await (await browser.newContext()).newPage();
    rows.push({ size: vault.size, ...(await measure(page, vault)) });
  }
  await browser.close();
  console.log("\nVault benchmark: from keys in memory (Chromium, this machine)\n");
  console.log(["Items", "First list", "All names", "Bare WebCrypto (all names)", "First list / bare", "All names / bare"].join(" | "));
  for (const row of rows) {
    console.log(
      [row.size.toLocaleString("en"), format(row.firstList), format(row.allNames), format(row.bare), (row.firstList / row.bare).toFixed(2), (row.allNames / row.bare).toFixed(2)].join(" | "),
    );
  }
} finally {
  server.kill("SIGTERM");
  rmSync(DATA_DIR, { recursive: true, force: true });
}
