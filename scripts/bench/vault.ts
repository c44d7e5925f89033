/**
 * `npm run bench`: how fast the vault shows a large vault. For 1,000 and 10,000 login items it measures, in
 * Chromium, the time from "keys in memory" to the first rendered list and to all names decrypted, beside a bare
 * WebCrypto loop decrypting the same names in the same page; and the login before it, from the click to the first
 * rows, with its parts (the marks of lib/browser/login-steps.ts), with the default KDF and bcrypt cost. Then how long a client's owner waits for a Bitwarden
 * CSV of 500 and 5,000 logins to be imported into the organization (parsed, encrypted in the page, uploaded in
 * batches). And what an official Bitwarden app's sync of the same vaults costs the server (GET /api/sync with an
 * access token) beside the web vault page's own data load (GET /vault with the session cookie), interleaved in the
 * same run. README explains the figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import Papa from "papaparse";
import { demoPassword } from "@/lib/seed/demo-accounts";
import { DEFAULT_KDF_ITERATIONS, deriveMasterKey, hashMasterPassword, toBase64 } from "@/lib/crypto";
import {
  LOGIN_DERIVED_MARK,
  LOGIN_PRELOGIN_MARK,
  LOGIN_SIGNED_IN_MARK,
  LOGIN_SUBMITTED_MARK,
  LOGIN_UNLOCKED_MARK,
} from "@/lib/browser/login-steps";
import {
  VAULT_KEYS_READY_MARK,
  VAULT_LIST_RENDERED_MARK,
  VAULT_NAMES_DECRYPTED_MARK,
  VAULT_SEARCH_READY_MARK,
} from "@/components/vault/vault-index";
import { type BenchVault, generateBenchVaults } from "./generate-vault";
import { NEXT_BIN, startInGroup, waitUntilAnswers } from "./processes";

const SIZES = [1000, 10_000];
const IMPORT_SIZES = [500, 5000];
/** The demo's client into which the import benchmark imports, and its owner. */
const IMPORT_ORGANIZATION = "Third Client's Organization";
const IMPORT_OWNER = "owner@client3.example";
const PORT = Number(process.env.BENCH_PORT || 3600);
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.resolve(".data-bench");
const BARE_DECRYPT_SCRIPT = path.resolve("scripts/bench/bare-decrypt.js");

async function logIn(page: Page, vault: BenchVault): Promise<void> {
  await page.goto(`${BASE}/login`);
  await page.getByLabel("Email address").fill(vault.email);
  await page.getByLabel("Master password").fill(vault.password);
  await page.getByRole("button", { name: "Log in with master password" }).click();
}

async function measure(page: Page, vault: BenchVault) {
  await logIn(page, vault);
  // The index complete (usernames and URIs too), so the bare loop below runs alone in the page.
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, VAULT_SEARCH_READY_MARK, {
    timeout: 300_000,
    polling: 100,
  });
  const marks = await page.evaluate(
    (names) => names.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN),
    [
      LOGIN_SUBMITTED_MARK,
      LOGIN_PRELOGIN_MARK,
      LOGIN_DERIVED_MARK,
      LOGIN_SIGNED_IN_MARK,
      LOGIN_UNLOCKED_MARK,
      VAULT_KEYS_READY_MARK,
      VAULT_LIST_RENDERED_MARK,
      VAULT_NAMES_DECRYPTED_MARK,
    ],
  );
  const [submitted, prelogin, derived, signedIn, unlocked, keysReady, listRendered, namesDecrypted] = marks as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Decryption restarted (the vault's data arrived twice) if the keys were ready more than once.
  const decryptionStarts = await page.evaluate(
    (name) => performance.getEntriesByName(name).length,
    VAULT_KEYS_READY_MARK,
  );
  await page.addScriptTag({ path: BARE_DECRYPT_SCRIPT });
  const bare = await page.evaluate(
    (input) =>
      (window as unknown as { keyhouseBareDecryptAll: (input: unknown) => Promise<number> }).keyhouseBareDecryptAll(
        input,
      ),
    { key: toBase64(vault.userKey.toBytes()), names: vault.names },
  );
  const login = {
    total: listRendered - submitted,
    prelogin: prelogin - submitted,
    derive: derived - Math.max(prelogin, submitted),
    signIn: signedIn - derived,
    unlock: unlocked - signedIn,
    open: keysReady - unlocked,
    firstList: listRendered - keysReady,
  };
  return { firstList: listRendered - keysReady, allNames: namesDecrypted - keysReady, bare, login, decryptionStarts };
}

const format = (ms: number) => `${Math.round(ms).toLocaleString("en")} ms`;

/** An access token for the vault's account, as an official app gets one (password grant). */
async function appAccessToken(vault: BenchVault): Promise<string> {
  const masterKey = await deriveMasterKey(vault.password, vault.email, vault.kdfConfig);
  const form = new URLSearchParams({
    grant_type: "password",
    client_id: "cli",
    scope: "api offline_access",
    username: vault.email,
    password: await hashMasterPassword(masterKey, vault.password),
    deviceType: "25",
    deviceIdentifier: crypto.randomUUID(),
    deviceName: "bench",
  });
  const answer = (await (await fetch(`${BASE}/identity/connect/token`, { method: "POST", body: form })).json()) as {
    access_token?: string;
  };
  if (!answer.access_token) throw new Error("the bench account could not log in through the token endpoint");
  return answer.access_token;
}

const SYNC_REPETITIONS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The server's side of a vault load, interleaved so both see the same machine: an app's GET /api/sync and the web
 * vault page's GET /vault (server rendering with the vault's data), each read to the end. Medians.
 */
async function measureSync(page: Page, vault: BenchVault) {
  const token = await appAccessToken(vault);
  const sync: number[] = [];
  const vaultPage: number[] = [];
  let syncBytes = 0;
  for (let round = 0; round < SYNC_REPETITIONS; round += 1) {
    let started = performance.now();
    const body = await (await fetch(`${BASE}/api/sync`, { headers: { authorization: `Bearer ${token}` } })).text();
    sync.push(performance.now() - started);
    syncBytes = body.length;
    started = performance.now();
    await (await page.request.get(`${BASE}/vault`)).body();
    vaultPage.push(performance.now() - started);
  }
  return { sync: median(sync), vaultPage: median(vaultPage), syncBytes };
}

/** A Bitwarden CSV export of `size` logins, each with a name, a username, a password and a website. */
function bitwardenCsv(size: number, run: string): string {
  return Papa.unparse({
    fields: [
      "folder",
      "favorite",
      "type",
      "name",
      "notes",
      "fields",
      "reprompt",
      "login_uri",
      "login_username",
      "login_password",
      "login_totp",
    ],
    data: Array.from({ length: size }, (_, index) => [
      "",
      "",
      "login",
      `Imported ${run} ${index}`,
      "",
      "",
      "0",
      `https://import${index}.example.com/login`,
      `person${index}@example.com`,
      `Pw-${run}-${index}`,
      "",
    ]),
  });
}

/** From "Import data" clicked to the summary of a finished import, as the organization's owner waits for it. */
async function measureImport(browser: Browser, size: number, folder: string): Promise<number> {
  const file = path.join(folder, `import-${size}.csv`);
  writeFileSync(file, bitwardenCsv(size, `${size}-${Date.now().toString(36)}`));
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel("Email address").fill(IMPORT_OWNER);
  await page.getByLabel("Master password").fill(demoPassword());
  await page.getByRole("button", { name: "Log in with master password" }).click();
  await page.getByRole("heading", { name: "All vaults" }).waitFor({ timeout: 120_000 });
  await page.getByRole("button", { name: /Switch product/ }).click();
  await page.getByRole("navigation", { name: "Products" }).getByRole("link", { name: IMPORT_ORGANIZATION }).click();
  await page.getByRole("navigation", { name: "Admin Console" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Import data" }).click();
  await page.getByLabel("File format").selectOption({ label: "Bitwarden (csv)" });
  await page.getByLabel("File to import").setInputFiles(file);
  await page.getByLabel("Collection").selectOption({ label: "Default collection" });
  const started = performance.now();
  await page.getByRole("button", { name: "Import data" }).click();
  await page.getByText(`${size.toLocaleString("en")} imported, 0 skipped`).waitFor({ timeout: 600_000 });
  const elapsed = performance.now() - started;
  await page.context().close();
  return elapsed;
}

rmSync(DATA_DIR, { recursive: true, force: true });
console.log("Generating bench vaults (real encryption)…");
const vaults = await generateBenchVaults(DATA_DIR, SIZES);
const server = startInGroup(
  process.execPath,
  [NEXT_BIN, "start", "-p", String(PORT), "-H", "127.0.0.1"],
  { ...process.env, KEYHOUSE_DATA_DIR: DATA_DIR, KEYHOUSE_SEED_DEMO: "false", LOG_LEVEL: "warn" },
  () => rmSync(DATA_DIR, { recursive: true, force: true }),
);
try {
  await waitUntilAnswers(`${BASE}/api/health`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium-headless-shell",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const rows = [];
  const syncRows = [];
  for (const vault of vaults) {
    const page = await (await browser.newContext()).newPage();
    rows.push({ size: vault.size, ...(await measure(page, vault)) });
    syncRows.push({ size: vault.size, ...(await measureSync(page, vault)) });
  }
  const importFolder = mkdtempSync(path.join(os.tmpdir(), "keyhouse-bench-import-"));
  const imports = [];
  try {
    for (const size of IMPORT_SIZES) imports.push({ size, ms: await measureImport(browser, size, importFolder) });
  } finally {
    rmSync(importFolder, { recursive: true, force: true });
  }
  await browser.close();
  console.log("\nVault benchmark: from keys in memory (Chromium, this machine)\n");
  console.log(
    ["Items", "First list", "All names", "Bare WebCrypto (all names)", "First list / bare", "All names / bare"].join(
      " | ",
    ),
  );
  for (const row of rows) {
    console.log(
      [
        row.size.toLocaleString("en"),
        format(row.firstList),
        format(row.allNames),
        format(row.bare),
        (row.firstList / row.bare).toFixed(2),
        (row.allNames / row.bare).toFixed(2),
      ].join(" | "),
    );
  }
  const restarts = rows.filter((row) => row.decryptionStarts > 1);
  if (restarts.length > 0)
    console.log(
      `(decryption started more than once after login at ${restarts.map((row) => row.size).join(", ")} items)`,
    );
  console.log(
    `\nLogin: from the click to the vault's first rows (PBKDF2 ${DEFAULT_KDF_ITERATIONS.toLocaleString("en")}, ` +
      `bcrypt cost ${process.env.KEYHOUSE_BCRYPT_COST || 12} on the server; Chromium, this machine)\n`,
  );
  console.log(
    [
      "Items",
      "Click → list",
      "Pre-login wait",
      "Derive key",
      "Sign in",
      "Unlock (page loading)",
      "Rest of page load",
      "First list",
    ].join(" | "),
  );
  for (const { size, login } of rows)
    console.log(
      [
        size.toLocaleString("en"),
        format(login.total),
        format(login.prelogin),
        format(login.derive),
        format(login.signIn),
        format(login.unlock),
        format(login.open),
        format(login.firstList),
      ].join(" | "),
    );
  console.log("\nApp sync: GET /api/sync beside the web vault page's GET /vault, same account (medians of 5)\n");
  console.log(["Items", "/api/sync", "/vault", "Sync / page", "Sync size"].join(" | "));
  for (const row of syncRows)
    console.log(
      [
        row.size.toLocaleString("en"),
        format(row.sync),
        format(row.vaultPage),
        (row.sync / row.vaultPage).toFixed(2),
        `${Math.round(row.syncBytes / 1024).toLocaleString("en")} KB`,
      ].join(" | "),
    );
  console.log(
    "\nImport benchmark: a Bitwarden CSV into an organization, from the click to the summary (Chromium, this machine)\n",
  );
  console.log(["Items", "Import", "Items per second"].join(" | "));
  for (const row of imports)
    console.log(
      [row.size.toLocaleString("en"), format(row.ms), Math.round((row.size * 1000) / row.ms).toLocaleString("en")].join(
        " | ",
      ),
    );
} finally {
  server.stop();
  rmSync(DATA_DIR, { recursive: true, force: true });
}
