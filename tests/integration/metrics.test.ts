import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { countLoginFailure, observeHttpRequests, routeGroupOf, setMetricSources } from "@/lib/server/metrics";

const TOKEN = "metrics-token-for-tests-0123456789abcdef";
const scrape = (authorization?: string) =>
  GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

describe("the metrics endpoint", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("does not exist without METRICS_TOKEN, and asks for the token when it is set", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN.slice(0, -1)}x`)).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(200);
  });

  it("counts requests by route group without ids, login failures, the pool and the mail queue", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    observeHttpRequests();
    setMetricSources({ pool: async () => ({ total: 7, idle: 5, waiting: 1 }), mailQueue: async () => 3 });
    countLoginFailure("invalid_credentials");
    const server = http.createServer((_request, response) => response.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const providerPath = "/providers/6f1c1f0e-1111-4222-8333-944444444444/clients";
    await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${providerPath}`);
    await new Promise((resolve) => server.close(resolve));

    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(text).toMatch(/keyhouse_http_requests_total\{route_group="providers",method="GET",status="200"\} [1-9]/);
    expect(text).toMatch(/keyhouse_http_request_duration_seconds_count\{route_group="providers",method="GET"\} [1-9]/);
    expect(text).not.toContain("6f1c1f0e");
    expect(text).toMatch(/keyhouse_login_failures_total\{reason="invalid_credentials"\} [1-9]/);
    expect(text).toContain('keyhouse_db_pool_connections{state="waiting"} 1');
    expect(text).toContain("keyhouse_mail_queue_depth 3");
  });

  it("labels paths by their area only", () => {
    expect(routeGroupOf("/organizations/abc/members?page=2")).toBe("organizations");
    expect(routeGroupOf("/api/health")).toBe("api_health");
    expect(routeGroupOf("/api/anything-else/1")).toBe("api_other");
    expect(routeGroupOf("/_next/static/chunk.js")).toBe("static");
    expect(routeGroupOf("/some/unknown/path")).toBe("other");
    expect(routeGroupOf("/")).toBe("root");
  });
});
