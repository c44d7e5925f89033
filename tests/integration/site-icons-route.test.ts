import type { RequestOptions } from "node:https";
import { Readable } from "node:stream";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/icons/[host]/icon.png/route";
import { type DemoIds, loadDemo } from "../support/demo";
import { signInAs, signOut } from "../support/session";

/**
 * GET /icons/<host>/icon.png as an attacker would try it: signed out, with addresses and local names, with a name
 * that resolves inside the network, with the operator's switch off. DNS and HTTPS are fakes: nothing here needs the
 * network, and each test says whether a connection was even attempted.
 */

const fakes = vi.hoisted(() => ({ lookup: vi.fn(), request: vi.fn() }));
vi.mock("node:dns/promises", () => ({ lookup: fakes.lookup, default: { lookup: fakes.lookup } }));
vi.mock("node:https", () => ({ request: fakes.request, default: { request: fakes.request } }));

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const DNS: Record<string, { address: string; family: number }[]> = {
  "icon.example": [{ address: "93.184.215.14", family: 4 }],
  "loopback.example": [{ address: "127.0.0.1", family: 4 }],
  "metadata.example": [{ address: "169.254.169.254", family: 4 }],
  "mixed.example": [
    { address: "93.184.215.14", family: 4 },
    { address: "10.1.2.3", family: 4 },
  ],
  "mapped.example": [{ address: "::ffff:127.0.0.1", family: 6 }],
};

function get(host: string) {
  return GET(new Request(`http://localhost/icons/${encodeURIComponent(host)}/icon.png`), {
    params: Promise.resolve({ host }),
  });
}

describe("GET /icons/[host]/icon.png", () => {
  let demo: DemoIds;
  beforeAll(async () => {
    demo = await loadDemo();
  });

  beforeEach(async () => {
    fakes.lookup.mockReset().mockImplementation(async (host: string) => {
      const found = DNS[host];
      if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
      return found;
    });
    fakes.request.mockReset().mockImplementation((_options: RequestOptions, onResponse: (r: Readable) => void) => ({
      on: () => undefined,
      end: () => {
        const response = Object.assign(Readable.from([Buffer.from(PNG)]), {
          statusCode: 200,
          headers: { "content-type": "image/png" },
        });
        queueMicrotask(() => onResponse(response));
      },
    }));
    await signInAs(demo.users.user1);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("serves a site's icon to a signed-in user, as an image and nothing more", async () => {
    const response = await get("icon.example");
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("private, max-age=86400");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(fakes.request.mock.calls[0]![0]).toMatchObject({ host: "icon.example", servername: "icon.example" });
  });

  it("refuses signed-out callers before looking anything up", async () => {
    signOut();
    const response = await get("icon.example");
    expect(response.status).toBe(401);
    expect(fakes.lookup).not.toHaveBeenCalled();
  });

  it.each([
    "127.0.0.1",
    "10.0.0.1",
    "2130706433",
    "[::1]",
    "::1",
    "localhost",
    "intranet.localhost",
    "printer.local",
    "metadata.google.internal",
    "icon.example:8443",
    "icon.example/../../etc",
    "",
  ])("answers 404 to %j without resolving or connecting", async (host) => {
    const response = await get(host);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("");
    expect(fakes.lookup).not.toHaveBeenCalled();
    expect(fakes.request).not.toHaveBeenCalled();
  });

  it.each(["loopback.example", "metadata.example", "mixed.example", "mapped.example", "nowhere.example"])(
    "answers 404 to %s, which resolves inside the network (or not at all), without connecting",
    async (host) => {
      const response = await get(host);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("");
      // A miss is remembered by the browser as long as by the server.
      expect(response.headers.get("cache-control")).toBe("private, max-age=3600");
      expect(fakes.lookup).toHaveBeenCalledWith(host, { all: true });
      expect(fakes.request).not.toHaveBeenCalled();
    },
  );

  it("is a 404 for everyone when the operator turns site icons off", async () => {
    vi.stubEnv("SITE_ICONS", "off");
    expect((await get("icon.example")).status).toBe(404);
    signOut();
    expect((await get("icon.example")).status).toBe(404);
    expect(fakes.lookup).not.toHaveBeenCalled();
  });
});
