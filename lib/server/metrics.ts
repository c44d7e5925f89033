import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics of this instance (served by /api/metrics to holders of METRICS_TOKEN): requests and their
 * latency by route group, the database pool, the mail queue and login failures. Label values come from fixed
 * lists, never from what a request names, so no id or address reaches a metric.
 */

type PoolStats = { total: number; idle: number; waiting: number };

type MetricsState = {
  registry: Registry;
  requests: Counter<"route_group" | "method" | "status">;
  latency: Histogram<"route_group" | "method">;
  loginFailures: Counter<"reason">;
  pool: Gauge<"state">;
  mailQueue: Gauge;
  poolSource?: () => Promise<PoolStats | null>;
  mailQueueSource?: () => Promise<number>;
  requestsObserved?: boolean;
};

// One registry per process, shared by every bundle Next.js builds (route handlers, proxy, instrumentation).
const holder = globalThis as typeof globalThis & { __keyhouseMetrics?: MetricsState };

function state(): MetricsState {
  if (holder.__keyhouseMetrics) return holder.__keyhouseMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "keyhouse_" });
  const current: MetricsState = {
    registry,
    requests: new Counter({
      name: "keyhouse_http_requests_total",
      help: "HTTP requests answered, by route group, method and status.",
      labelNames: ["route_group", "method", "status"],
      registers: [registry],
    }),
    latency: new Histogram({
      name: "keyhouse_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by route group and method.",
      labelNames: ["route_group", "method"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    loginFailures: new Counter({
      name: "keyhouse_login_failures_total",
      help: "Failed logins, by reason.",
      labelNames: ["reason"],
      registers: [registry],
    }),
    pool: new Gauge({
      name: "keyhouse_db_pool_connections",
      help: "PostgreSQL pool connections: total, idle, and requests waiting for one.",
      labelNames: ["state"],
      registers: [registry],
      async collect() {
        const stats = await holder.__keyhouseMetrics?.poolSource?.();
        if (!stats) return;
        for (const [label, value] of Object.entries(stats)) this.set({ state: label }, value);
      },
    }),
    mailQueue: new Gauge({
      name: "keyhouse_mail_queue_depth",
      help: "Mail waiting to be sent (queued or being retried).",
      registers: [registry],
      async collect() {
        const source = holder.__keyhouseMetrics?.mailQueueSource;
        if (source) this.set(await source());
      },
    }),
  };
  holder.__keyhouseMetrics = current;
  return current;
}

/** Where the pool and mail-queue gauges read from; set once by the database and mail modules' owners at start. */
export function setMetricSources(sources: {
  pool?: () => Promise<PoolStats | null>;
  mailQueue?: () => Promise<number>;
}): void {
  const current = state();
  if (sources.pool) current.poolSource = sources.pool;
  if (sources.mailQueue) current.mailQueueSource = sources.mailQueue;
}

const ROUTE_GROUPS = [
  "vault",
  "organizations",
  "providers",
  "admin",
  "settings",
  "generator",
  "login",
  "register",
  "accept",
] as const;

/** A bounded label for a path: its area, never its ids. */
export function routeGroupOf(path: string): string {
  const [first, second] = path.split("?")[0]!.split("/").filter(Boolean);
  if (!first) return "root";
  if (first === "_next") return "static";
  if (first === "api")
    return second && ["auth", "health", "accounts", "metrics", "items"].includes(second)
      ? `api_${second}`
      : "api_other";
  return (ROUTE_GROUPS as readonly string[]).includes(first) ? first : "other";
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Times every request the Node HTTP server answers, through Node's diagnostics channels: no wrapper around Next's
 * handler, so pages, actions, routes and static files are all counted. Idempotent.
 */
export function observeHttpRequests(): void {
  const current = state();
  if (current.requestsObserved) return;
  current.requestsObserved = true;
  const started = new WeakMap<IncomingMessage, bigint>();
  subscribe("http.server.request.start", (message) => {
    started.set((message as { request: IncomingMessage }).request, process.hrtime.bigint());
  });
  subscribe("http.server.response.finish", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const start = started.get(request);
    if (start === undefined) return;
    const routeGroup = routeGroupOf(request.url ?? "/");
    const method = METHODS.has(request.method ?? "") ? request.method! : "OTHER";
    current.requests.inc({ route_group: routeGroup, method, status: String(response.statusCode) });
    current.latency.observe({ route_group: routeGroup, method }, Number(process.hrtime.bigint() - start) / 1e9);
  });
}

export type LoginFailureReason =
  "invalid_credentials" | "too_many_attempts" | "invalid_two_factor_code" | "too_many_two_factor_codes" | "server_busy";

export function countLoginFailure(reason: LoginFailureReason): void {
  state().loginFailures.inc({ reason });
}

/** The exposition text and its content type. */
export async function metricsText(): Promise<{ body: string; contentType: string }> {
  const { registry } = state();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
