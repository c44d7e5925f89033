import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import proxy from "@/proxy";
import { type DemoIds, loadDemo } from "../support/demo";
import { signInAs, signOut } from "../support/session";

type Proxy = (request: NextRequest) => Promise<Response>;

/** The proxy's answer to one request, as next start would get it. */
function visit(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return (proxy as unknown as Proxy)(new NextRequest(url, { headers }));
}

function nonceOf(response: Response): string {
  const policy = response.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  if (!nonce) throw new Error(`no nonce in ${JSON.stringify(policy)}`);
  return nonce;
}

/**
 * The first gate answers every request with a Content-Security-Policy whose script nonce is new each time, on each
 * way out: a public page, a page let through, the signed-out redirect, the 401 for APIs and the 404 rewrite.
 */
describe("security headers from proxy.ts", () => {
  let demo: DemoIds;
  beforeAll(async () => {
    demo = await loadDemo();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("a strict policy: scripts only with this response's nonce, nothing inline or evaluated (but WebAssembly), no framing", async () => {
    signOut();
    const response = await visit("http://localhost/login");
    const policy = response.headers.get("content-security-policy")!;
    const directives = new Map(
      policy
        .split(";")
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.get("script-src")).toEqual([
      "'self'",
      `'nonce-${nonceOf(response)}'`,
      "'strict-dynamic'",
      "'wasm-unsafe-eval'",
    ]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("form-action")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(directives.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("a new nonce on every response, also handed on with the request so the page's scripts carry it", async () => {
    signOut();
    const nonces = new Set<string>();
    for (let visitNumber = 0; visitNumber < 5; visitNumber += 1) {
      const response = await visit("http://localhost/login");
      nonces.add(nonceOf(response));
      // How Next.js hands the proxy's request headers to the page (NextResponse.next({ request: { headers } })).
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(
        response.headers.get("content-security-policy"),
      );
    }
    expect(nonces.size).toBe(5);
    expect([...nonces].every((nonce) => Buffer.from(nonce, "base64").length >= 16)).toBe(true);
  });

  it("on the signed-out redirect, the 401 of an API and the 404 for a foreign organization, too", async () => {
    signOut();
    const redirect = await visit("http://localhost/vault");
    expect(redirect.status).toBe(307);
    nonceOf(redirect);
    const unauthorized = await visit("http://localhost/api/accounts/keys");
    expect(unauthorized.status).toBe(401);
    nonceOf(unauthorized);

    await signInAs(demo.users.user1);
    const notFound = await visit(`http://localhost/organizations/${demo.client2}/members`);
    expect(notFound.status).toBe(404);
    nonceOf(notFound);
    const allowed = await visit("http://localhost/vault");
    expect(allowed.status).toBe(200);
    nonceOf(allowed);
  });

  it("Strict-Transport-Security only over HTTPS: X-Forwarded-Proto counts only with TRUST_PROXY=true", async () => {
    signOut();
    const hsts = async (url: string, headers: Record<string, string> = {}) =>
      (await visit(url, headers)).headers.get("strict-transport-security");
    vi.stubEnv("TRUST_PROXY", "");
    expect(await hsts("http://localhost/login")).toBeNull();
    expect(await hsts("http://localhost/login", { "x-forwarded-proto": "https" })).toBeNull();
    expect(await hsts("https://localhost/login", { "x-forwarded-proto": "https" })).toBeNull();
    expect(await hsts("https://localhost/login")).toBe("max-age=63072000; includeSubDomains");

    vi.stubEnv("TRUST_PROXY", "true");
    expect(await hsts("http://localhost/login", { "x-forwarded-proto": "https" })).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(await hsts("http://localhost/vault", { "x-forwarded-proto": "https" })).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(await hsts("http://localhost/login", { "x-forwarded-proto": "http" })).toBeNull();
    expect(await hsts("http://localhost/login", { "x-forwarded-proto": "https, http" })).toBeNull();
    expect(await hsts("http://localhost/login")).toBeNull();
  });
});
