import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { Client } from "pg";
import { deriveMasterKey, hashMasterPassword } from "../tests/support/node-bitwarden";

/**
 * Two instances of the production build on one PostgreSQL database, behind a round-robin load balancer, as a team
 * runs Keyhouse on more than one machine: a session made through one instance works on the other, and the login
 * throttle counts failures from both. Runs where a PostgreSQL server is given (TEST_DATABASE_URL; CI starts one).
 */
const SERVER_URL = process.env.TEST_DATABASE_URL;
const ACCOUNT = { email: "scale-out@e2e.example", password: "scale out master password" };
const INSTANCE_PORTS = [Number(process.env.E2E_PORT || 3210) + 11, Number(process.env.E2E_PORT || 3210) + 12];

test.describe.configure({ mode: "serial" });
test.skip(!SERVER_URL, "needs a PostgreSQL server (TEST_DATABASE_URL)");

let databaseName = "";
let instances: ChildProcess[] = [];
let balancer: http.Server | undefined;
let balancerUrl = "";
const servedBy: number[] = [];

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(run: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

async function waitForHealth(port: number): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`instance on port ${port} did not become healthy`);
}

/** Sends each request to the next instance in turn, and says which one answered. */
function startBalancer(): Promise<string> {
  let turn = 0;
  balancer = http.createServer((incoming, outgoing) => {
    const port = INSTANCE_PORTS[turn++ % INSTANCE_PORTS.length]!;
    servedBy.push(port);
    const upstream = http.request(
      { host: "127.0.0.1", port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-served-by": String(port) });
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  return new Promise((resolve) =>
    balancer!.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(balancer!.address() as AddressInfo).port}`)),
  );
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  databaseName = `keyhouse_scale_${randomBytes(4).toString("hex")}`;
  await onServer((client) => client.query(`create database ${databaseName}`));
  balancerUrl = await startBalancer();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl(databaseName),
    AUTH_SECRET: "scale-out-only-secret-not-for-production-0123456789",
    APP_URL: balancerUrl,
    LOG_LEVEL: "warn",
  };
  await runToEnd(
    process.execPath,
    [
      "--import",
      "./scripts/register-server-hooks.mjs",
      "--import",
      "tsx",
      "e2e/support/scale-out-seed.ts",
      ACCOUNT.email,
      ACCOUNT.password,
    ],
    env,
  );
  instances = INSTANCE_PORTS.map((port) =>
    spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
  await Promise.all(INSTANCE_PORTS.map(waitForHealth));
});

test.afterAll(async () => {
  for (const instance of instances) instance.kill("SIGTERM");
  await Promise.all(
    instances.map(
      (instance) =>
        new Promise((resolve) => (instance.exitCode !== null ? resolve(null) : instance.once("exit", resolve))),
    ),
  );
  await new Promise((resolve) => (balancer ? balancer.close(resolve) : resolve(null)));
  if (databaseName) await onServer((client) => client.query(`drop database if exists ${databaseName} with (force)`));
});

/** Pre-login, CSRF token and the credentials callback, each through the balancer (so across both instances). */
async function logIn(context: APIRequestContext, password: string): Promise<boolean> {
  const prelogin = await context.post("/api/accounts/prelogin", { data: { email: ACCOUNT.email } });
  const { kdfIterations } = (await prelogin.json()) as { kdfIterations: number };
  const masterPasswordHash = hashMasterPassword(deriveMasterKey(password, ACCOUNT.email, kdfIterations), password);
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: ACCOUNT.email, masterPasswordHash, callbackUrl: "/vault" },
    maxRedirects: 0,
  });
  return response.status() === 302 && !(response.headers().location ?? "").includes("error");
}

test("a session made through one instance is honoured by the other, and logging out on one ends it on both", async () => {
  const context = await playwrightRequest.newContext({ baseURL: balancerUrl });
  expect(await logIn(context, ACCOUNT.password)).toBe(true);
  expect(new Set(servedBy)).toEqual(new Set(INSTANCE_PORTS));
  for (const port of INSTANCE_PORTS) {
    const settings = await context.get(`http://127.0.0.1:${port}/settings`, { maxRedirects: 0 });
    expect(settings.status(), `settings on instance ${port}`).toBe(200);
  }
  // Sign out through the balancer: the session row is revoked, so neither instance accepts the cookie any more.
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const cookies = await context.storageState();
  await context.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
  const stale = await playwrightRequest.newContext({ storageState: cookies });
  for (const port of INSTANCE_PORTS) {
    const settings = await stale.get(`http://127.0.0.1:${port}/settings`, { maxRedirects: 0 });
    expect(settings.status(), `settings on instance ${port} after logout`).toBe(307);
  }
  await stale.dispose();
  await context.dispose();
});

/** PostgreSQL's client programs: Debian's newest, else whatever is on PATH. */
function pgProgram(name: string): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => path.join(root, version, "bin", name)).find((file) => existsSync(file));
  return found ?? name;
}

test("a backup restored into a wiped database serves the same account (README's two commands)", async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "keyhouse-backup-"));
  const dump = path.join(folder, "keyhouse.dump");
  try {
    execFileSync(pgProgram("pg_dump"), ["--format=custom", "--file", dump, databaseUrl(databaseName)]);
    // Wipe: the database goes, the instances' connections with it, and an empty one takes its place.
    await onServer(async (client) => {
      await client.query(`drop database ${databaseName} with (force)`);
      await client.query(`create database ${databaseName}`);
    });
    const wiped = new Client({ connectionString: databaseUrl(databaseName) });
    await wiped.connect();
    expect((await wiped.query("select count(*)::int as n from pg_tables where schemaname = 'public'")).rows[0]).toEqual(
      { n: 0 },
    );
    await wiped.end();
    execFileSync(pgProgram("pg_restore"), [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--dbname",
      databaseUrl(databaseName),
      dump,
    ]);
    const context = await playwrightRequest.newContext({ baseURL: balancerUrl });
    expect(await logIn(context, ACCOUNT.password)).toBe(true);
    await context.dispose();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the login throttle counts failures from both instances", async () => {
  const context = await playwrightRequest.newContext({ baseURL: balancerUrl });
  // Ten failures for one address pause it (README): five reach each instance, so only a shared count pauses it.
  for (let attempt = 0; attempt < 10; attempt += 1) expect(await logIn(context, "not the master password")).toBe(false);
  expect(await logIn(context, ACCOUNT.password)).toBe(false);
  await context.dispose();
});
