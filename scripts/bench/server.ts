/**
 * `npm run bench:server`: what a page or API call costs the server, beside the work it must do. On a throwaway
 * PostgreSQL server seeded with 3 / 200 / 2,000 clients (100,000 members at the largest) and a 10,000-item vault, it
 * measures in one run, interleaved: the clients page (first page, a search, the last page), the dashboard (200 and
 * 2,000 clients), the rolled-up event log, a client's Admin Console, a trivial signed-in page, /api/health, and for
 * the clients page, the dashboard and the event log two floors each that replay the exact statements one request for
 * that page ran (captured from PostgreSQL's statement log): a bare route handler in the same Next.js build, and a
 * bare Node.js handler. For each: latency p50/p99 at 1 and 10 connections, requests per second at 10, the server's CPU
 * per request and the statements per request. Then an app's GET /api/sync beside the vault page for 10,000 items,
 * and /api/health while logins stream in. README explains the figures.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { createThrowawayPostgres, freePort } from "../../tests/support/throwaway-postgres";
import { type GroupProcess, NEXT_BIN, startInGroup, waitUntilAnswers } from "./processes";
import { type BenchAccount, PROVIDER_SIZES, seedServerBench, VAULT_ITEMS } from "./server-seed";

const REPETITIONS = Number(process.env.BENCH_REPETITIONS || 3);
/** `BENCH_ONLY=events` (or a comma list of clients, dashboard, events): measures those pages and their floors alone. */
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",") : undefined;
if (ONLY?.some((name) => !["clients", "dashboard", "events"].includes(name)))
  throw new Error(`BENCH_ONLY names pages among clients, dashboard and events, not "${process.env.BENCH_ONLY}"`);
const SECONDS = Number(process.env.BENCH_SECONDS || 3);
const POOL_SIZE = 10;
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (ms) used so far by every process of a group. */
function groupCpuMs(groupId: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the command: state, ppid, pgrp, ..., utime (14th field overall) and stime (15th).
      if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Logs in as the web vault does (next-auth's credentials callback); answers the session cookie. */
async function sessionCookie(base: string, account: BenchAccount): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ ...account, csrfToken, callbackUrl: `${base}/vault` }),
  });
  const session = login.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`${account.email} could not log in`);
  return session;
}

/** Logs in as an official app does (password grant); answers the access token. */
async function appLogin(base: string, account: BenchAccount): Promise<Response> {
  return fetch(`${base}/identity/connect/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "password",
      client_id: "cli",
      scope: "api offline_access",
      username: account.email,
      password: account.masterPasswordHash,
      deviceType: "25",
      deviceIdentifier: crypto.randomUUID(),
      deviceName: "bench",
    }),
  });
}

async function accessToken(base: string, account: BenchAccount): Promise<string> {
  const answer = (await (await appLogin(base, account)).json()) as { access_token?: string };
  if (!answer.access_token) throw new Error(`${account.email} could not log in through the token endpoint`);
  return answer.access_token;
}

/** The statements PostgreSQL logged since `from` (bytes into its JSON log), with their parameters. */
type Statement = { text: string; params: (string | null)[] };

function parseParameters(detail: string | undefined): (string | null)[] {
  if (!detail?.startsWith("parameters: ")) return [];
  const params: (string | null)[] = [];
  for (const match of detail.matchAll(/\$(\d+) = (NULL|'((?:[^']|'')*)')/g)) {
    params[Number(match[1]) - 1] = match[2] === "NULL" ? null : match[3]!.replaceAll("''", "'");
  }
  return params;
}

class StatementLog {
  private readonly admin: pg.Client;
  constructor(
    databaseUrl: string,
    private readonly file: string,
  ) {
    this.admin = new pg.Client({ connectionString: databaseUrl, application_name: "bench" });
  }

  async open() {
    await this.admin.connect();
  }

  /** Runs `work` with every statement logged, and answers what the servers (not this client) ran meanwhile. */
  async capture(work: () => Promise<void>): Promise<Statement[]> {
    await this.setLogging("all");
    const from = this.size();
    await work();
    await this.setLogging("none");
    return readFileSync(this.file, "utf8")
      .slice(from)
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { message?: string; detail?: string; application_name?: string })
      .filter((entry) => entry.application_name !== "bench")
      .flatMap((entry) => {
        const match = /^(?:execute [^:]+|statement): ([\s\S]*)$/.exec(entry.message ?? "");
        return match ? [{ text: match[1]!, params: parseParameters(entry.detail) }] : [];
      });
  }

  private size(): number {
    try {
      return readFileSync(this.file, "utf8").length;
    } catch {
      return 0;
    }
  }

  private async setLogging(value: "all" | "none") {
    await this.admin.query(`alter system set log_statement = '${value}'`);
    await this.admin.query("select pg_reload_conf()");
    // Every backend reads the new setting before its next statement; give the reload a moment to reach them.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  close() {
    return this.admin.end();
  }
}

/** The floor a target's ratios are taken against: the page whose statements the floor replays. */
type FloorName = "clients" | "dashboard" | "events";
type Target = { name: string; url: string; headers: Record<string, string>; group: () => number; floor?: FloorName };
type Run = { p50: number; p99: number; rps: number; cpuPerRequest: number };

/** The smallest of the sorted values that `share` of them do not exceed (nearest rank). */
function percentile(sorted: number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(sorted.length * share) - 1)]!;
}

async function load(target: Target, connections: number, seconds = SECONDS): Promise<Run> {
  const cpuBefore = groupCpuMs(target.group());
  // autocannon's percentiles are whole milliseconds, a fifth of a 5 ms floor: each answer's own time (from hrtime)
  // is kept instead, for percentiles to the microsecond.
  const times: number[] = [];
  const running = autocannon({ url: target.url, headers: target.headers, connections, duration: seconds });
  running.on("response", (_client, _status, _bytes, time) => times.push(time));
  const result = await running;
  const cpu = groupCpuMs(target.group()) - cpuBefore;
  const answered = result.requests.total;
  if (result.non2xx > 0 || result.errors > 0 || answered === 0)
    throw new Error(`${target.name}: ${result.non2xx} answers other than 2xx, ${result.errors} errors`);
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    rps: result.requests.average,
    cpuPerRequest: cpu / answered,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function medianRun(runs: Run[]): Run {
  return {
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    rps: median(runs.map((run) => run.rps)),
    cpuPerRequest: median(runs.map((run) => run.cpuPerRequest)),
  };
}

/** /api/health's p90 alone, then while an app login (a bcrypt compare at the default cost) starts every 300 ms. */
async function healthDuringLogins(base: string, account: BenchAccount, group: () => number) {
  const health: Target = { name: "/api/health", url: `${base}/api/health`, headers: {}, group };
  const p90 = async () => (await autocannon({ url: health.url, connections: 1, duration: SECONDS * 2 })).latency.p90;
  const quiet = await p90();
  let logins = 0;
  const pending: Promise<unknown>[] = [];
  const stream = setInterval(() => {
    logins += 1;
    pending.push(appLogin(base, account).then((response) => response.arrayBuffer()));
  }, 300);
  const during = await p90();
  clearInterval(stream);
  await Promise.allSettled(pending);
  return { quiet, during, logins };
}

/** An app's sync and the web vault page for the same account, interleaved, each read to the end; medians of five. */
async function syncBesideVaultPage(base: string, token: string, cookie: string) {
  const sync: number[] = [];
  const page: number[] = [];
  let syncBytes = 0;
  let pageBytes = 0;
  for (let round = 0; round < 5; round += 1) {
    let started = performance.now();
    syncBytes = (
      await (await fetch(`${base}/api/sync`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer()
    ).byteLength;
    sync.push(performance.now() - started);
    started = performance.now();
    pageBytes = (await (await fetch(`${base}/vault`, { headers: { cookie } })).arrayBuffer()).byteLength;
    page.push(performance.now() - started);
  }
  return { sync: median(sync), page: median(page), syncBytes, pageBytes };
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const ratio = (value: number) => value.toFixed(2);

function table(header: string[], rows: string[][]) {
  console.log(`| ${header.join(" | ")} |`);
  console.log(`| ${header.map((_, index) => (index === 0 ? "---" : "---:")).join(" | ")} |`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}

const postgres = await createThrowawayPostgres([
  "logging_collector=on",
  "log_destination=jsonlog",
  "log_filename=bench.log",
  "log_file_mode=0644",
]);
const processes: GroupProcess[] = [];
const work = path.join(os.tmpdir(), `keyhouse-bench-server-${process.pid}`);
rmSync(work, { recursive: true, force: true });
try {
  console.log("Seeding 3 / 200 / 2,000 clients, 110,150 members and a 10,000-item vault (real keys)…");
  const data = await seedServerBench(postgres.url);
  const floorFile = `${work}-statements.json`;
  const [nextPort, barePort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${nextPort}`;
  const next = startInGroup(process.execPath, [NEXT_BIN, "start", "-p", String(nextPort), "-H", "127.0.0.1"], {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: postgres.url,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    KEYHOUSE_SEED_DEMO: "false",
    KEYHOUSE_DATA_DIR: work,
    AUTH_SECRET: crypto.randomUUID() + crypto.randomUUID(),
    LOG_LEVEL: "warn",
    KEYHOUSE_BENCH_FLOOR_FILE: floorFile,
  });
  processes.push(next);
  await waitUntilAnswers(`${base}/api/health`);
  const adminCookie = await sessionCookie(base, data.admin);
  const vaultCookie = await sessionCookie(base, data.vaultOwner);
  const token = await accessToken(base, data.vaultOwner);

  const nextGroup = () => next.pid;
  const page = (name: string, pathname: string, floor?: FloorName): Target => ({
    name,
    url: `${base}${pathname}`,
    headers: { cookie: adminCookie },
    group: nextGroup,
    floor,
  });
  const clientsOf = (size: number) => `/providers/${data.providers.get(size)}/clients`;
  const largest = PROVIDER_SIZES.at(-1)!;
  const clientsPage = page(`Clients page, ${largest.toLocaleString("en")} clients`, clientsOf(largest), "clients");
  const dashboardPage = page(
    `Dashboard, ${largest.toLocaleString("en")} clients`,
    `/providers/${data.providers.get(largest)}`,
    "dashboard",
  );
  const eventsPage = page(
    `Event log, ${largest.toLocaleString("en")} clients`,
    `/providers/${data.providers.get(largest)}/events`,
    "events",
  );
  const smallerDashboard = page("Dashboard, 200 clients", `/providers/${data.providers.get(200)}`);
  const floorPages = new Map<FloorName, Target>([
    ["clients", clientsPage],
    ["dashboard", dashboardPage],
    ["events", eventsPage],
  ]);
  const pages: Target[] = [
    ...PROVIDER_SIZES.slice(0, -1).map((size) => page(`Clients page, ${size} clients`, clientsOf(size))),
    clientsPage,
    smallerDashboard,
    dashboardPage,
    eventsPage,
    page("Search (2,000 clients)", `${clientsOf(largest)}?q=Client%2019`),
    page("Last page (2,000 clients)", `${clientsOf(largest)}?page=${Math.ceil(largest / 50)}`),
    page("A client's Admin Console", `/organizations/${data.sampleClientId}/overview`),
    page("Settings → Preferences", "/settings/preferences"),
    // Next.js's cheapest answer here: a route handler with one statement, through the proxy.
    page("GET /api/health", "/api/health"),
  ];

  // Warm every page once (Next.js loads a route's code on its first request), then capture one request of each.
  for (const target of pages) await fetch(target.url, { headers: target.headers }).then((r) => r.arrayBuffer());
  const statementLog = new StatementLog(postgres.url, path.join(postgres.dir, "data", "log", "bench.json"));
  await statementLog.open();
  const statements = new Map<string, number>();
  const floorStatements: Partial<Record<FloorName, Statement[]>> = {};
  for (const target of pages) {
    const ran = await statementLog.capture(async () => {
      const response = await fetch(target.url, { headers: target.headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${target.name} answered ${response.status}`);
    });
    statements.set(target.name, ran.length);
    if (target.floor && floorPages.get(target.floor) === target) floorStatements[target.floor] = ran;
  }
  const vaultLoads: Record<string, { url: string; headers: Record<string, string> }> = {
    "GET /api/sync": { url: `${base}/api/sync`, headers: { authorization: `Bearer ${token}` } },
    "GET /vault": { url: `${base}/vault`, headers: { cookie: vaultCookie } },
  };
  for (const [name, request] of Object.entries(vaultLoads)) {
    const ran = await statementLog.capture(async () => {
      await (await fetch(request.url, { headers: request.headers })).arrayBuffer();
    });
    statements.set(name, ran.length);
  }
  await statementLog.close();
  writeFileSync(floorFile, JSON.stringify(floorStatements));

  const bare = startInGroup(
    process.execPath,
    ["scripts/bench/bare-server.mjs", String(barePort), floorFile, postgres.url, String(POOL_SIZE)],
    process.env,
  );
  processes.push(bare);
  await waitUntilAnswers(`http://127.0.0.1:${barePort}/`);
  const bareNodeName = (floor: FloorName) => `Floor: bare Node.js handler (${floor} statements)`;
  const bareRouteName = (floor: FloorName) => `Floor: bare route in the same build (${floor} statements)`;
  const floors: Target[] = [...floorPages.keys()].flatMap((floor) => [
    {
      name: bareNodeName(floor),
      url: `http://127.0.0.1:${barePort}/${floor}`,
      headers: {},
      group: () => bare.pid,
      floor,
    },
    { name: bareRouteName(floor), url: `${base}/api/bench/floor?floor=${floor}`, headers: {}, group: nextGroup, floor },
  ]);
  for (const floor of floorPages.keys())
    for (const name of [bareNodeName(floor), bareRouteName(floor)])
      statements.set(name, floorStatements[floor]!.length);
  const targets = [...floors, ...pages].filter((target) => !ONLY || (target.floor && ONLY.includes(target.floor)));

  console.log(`Measuring ${targets.length} targets, ${REPETITIONS} interleaved rounds of ${SECONDS} s per load…`);
  for (const target of targets) await load(target, 1, 2);
  const runs = new Map<string, { one: Run[]; ten: Run[] }>(
    targets.map((target) => [target.name, { one: [], ten: [] }]),
  );
  for (let round = 0; round < REPETITIONS; round += 1) {
    for (const target of targets) {
      runs.get(target.name)!.one.push(await load(target, 1));
      runs.get(target.name)!.ten.push(await load(target, 10));
    }
  }
  const results = new Map(
    targets.map((target) => {
      const { one, ten } = runs.get(target.name)!;
      return [target.name, { one: medianRun(one), ten: medianRun(ten) }];
    }),
  );
  const bareNodeOf = (target: Target) => results.get(bareNodeName(target.floor ?? "clients"))!;
  const bareRouteOf = (target: Target) => results.get(bareRouteName(target.floor ?? "clients"))!;

  console.log(
    `\nServer benchmark (${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? "unknown CPU"}, PostgreSQL, Node ${process.version}); medians of ${REPETITIONS} rounds\n`,
  );
  table(
    [
      "Target",
      "Statements",
      "p50 (1 conn)",
      "p99 (1 conn)",
      "p50 (10 conn)",
      "p99 (10 conn)",
      "req/s (10 conn)",
      "CPU per request",
      "p50 / bare Node",
      "p50 / bare route",
      "req/s / bare Node",
    ],
    targets.map((target) => {
      const { one, ten } = results.get(target.name)!;
      return [
        target.name,
        String(statements.get(target.name)),
        ms(one.p50),
        ms(one.p99),
        ms(ten.p50),
        ms(ten.p99),
        Math.round(ten.rps).toLocaleString("en"),
        ms(ten.cpuPerRequest),
        ratio(one.p50 / bareNodeOf(target).one.p50),
        ratio(one.p50 / bareRouteOf(target).one.p50),
        ratio(ten.rps / bareNodeOf(target).ten.rps),
      ];
    }),
  );
  if (ONLY) {
    console.log("\nTargets of the pages measured\n");
    for (const target of targets.filter((measured) => measured.name === floorPages.get(measured.floor!)?.name)) {
      const met = results.get(target.name)!.one.p50 <= 2 * bareRouteOf(target).one.p50;
      console.log(`${met ? "met   " : "MISSED"} ${target.name}: p50 ≤ 2× the bare route running its statements`);
    }
  } else {
    const bareNode = bareNodeOf(clientsPage);
    const bareNext = bareRouteOf(clientsPage);
    const vault = await syncBesideVaultPage(base, token, vaultCookie);
    const health = await healthDuringLogins(base, data.vaultOwner, nextGroup);
    console.log(
      `\nAn app's sync beside the web vault page, ${VAULT_ITEMS.toLocaleString("en")} items (medians of 5)\n`,
    );
    table(
      ["Request", "Statements", "Time", "Size"],
      [
        ["GET /api/sync", vault.sync, vault.syncBytes],
        ["GET /vault", vault.page, vault.pageBytes],
      ].map(([name, time, bytes]) => [
        String(name),
        String(statements.get(String(name))),
        ms(Number(time)),
        `${Math.round(Number(bytes) / 1024).toLocaleString("en")} KB`,
      ]),
    );
    console.log("\n/api/health while logins stream in (one every 300 ms)\n");
    table(
      ["Quiet p90", "During logins p90", "Ratio", "Logins"],
      [[ms(health.quiet), ms(health.during), ratio(health.during / health.quiet), String(health.logins)]],
    );

    const first = results.get(clientsPage.name)!;
    const last = results.get(pages.find((target) => target.name.startsWith("Last page"))!.name)!;
    const checks: [string, boolean][] = [
      ["clients page p50 ≤ 3× the bare Node handler", first.one.p50 <= 3 * bareNode.one.p50],
      ["clients page p50 ≤ 1.5× the bare route", first.one.p50 <= 1.5 * bareNext.one.p50],
      ["≤ 6 statements for the clients page", (statements.get(clientsPage.name) ?? 99) <= 6],
      ["last page ≤ 1.5× the first page", last.one.p50 <= 1.5 * first.one.p50],
      ["req/s at 10 connections ≥ 0.3× the bare Node handler", first.ten.rps >= 0.3 * bareNode.ten.rps],
      ["/api/health p90 during logins ≤ 3× quiet", health.during <= 3 * health.quiet],
      // The dashboard's eight: the two gates, the product switcher and its five figures' reads, which run side by side.
      ...(
        [
          [dashboardPage, 8],
          [eventsPage, 6],
        ] as const
      ).flatMap(([target, most]): [string, boolean][] => [
        [
          `${target.name}: p50 ≤ 2× the bare route running its statements`,
          results.get(target.name)!.one.p50 <= 2 * bareRouteOf(target).one.p50,
        ],
        [`${target.name}: ≤ ${most} statements`, (statements.get(target.name) ?? 99) <= most],
      ]),
      [
        "dashboard: as many statements at 2,000 clients as at 200",
        statements.get(dashboardPage.name) === statements.get(smallerDashboard.name),
      ],
    ];
    console.log("\nTargets (issue: fast under load)\n");
    for (const [name, met] of checks) console.log(`${met ? "met   " : "MISSED"} ${name}`);
  }
} finally {
  for (const running of processes) running.stop();
  postgres.destroy();
  rmSync(work, { recursive: true, force: true });
  rmSync(`${work}-statements.json`, { force: true });
}
