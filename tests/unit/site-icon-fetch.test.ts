import type { LookupAddress } from "node:dns";
import { EventEmitter } from "node:events";
import type { RequestOptions } from "node:https";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  acceptedIcon,
  fetchSiteIcon,
  imageTypeOf,
  redirectTarget,
  SITE_ICON_LIMITS,
} from "@/lib/server/site-icon-fetch";

/**
 * The website icon fetcher against a fake DNS and a fake HTTPS: no test reaches the network. What a site answers is
 * scripted per request; what the fetcher asked (which address, which name for TLS) is kept to be checked.
 */

const fakes = vi.hoisted(() => ({ lookup: vi.fn(), request: vi.fn() }));
vi.mock("node:dns/promises", () => ({ lookup: fakes.lookup, default: { lookup: fakes.lookup } }));
vi.mock("node:https", () => ({ request: fakes.request, default: { request: fakes.request } }));

type Answer = { status: number; headers?: Record<string, string>; chunks?: Uint8Array[] };

const PUBLIC: LookupAddress = { address: "93.184.215.14", family: 4 };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ICO = Uint8Array.from([0, 0, 1, 0, 1, 0, 16, 16]);
const bytes = (text: string) => new TextEncoder().encode(text);

/** DNS as a table of names; a name not in it does not resolve. */
function resolveAs(table: Record<string, LookupAddress[]>) {
  fakes.lookup.mockImplementation(async (host: string) => {
    const found = table[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return found;
  });
}

/** The sites' answers, one per request in order. */
function answer(...answers: Answer[]) {
  fakes.request.mockImplementation((_options: RequestOptions, onResponse: (response: Readable) => void) => {
    const next = answers.shift();
    if (!next) throw new Error("an unexpected request");
    const outgoing = Object.assign(new EventEmitter(), {
      end: () => {
        const response = Object.assign(Readable.from((next.chunks ?? []).map((chunk) => Buffer.from(chunk))), {
          statusCode: next.status,
          headers: next.headers ?? {},
        });
        queueMicrotask(() => onResponse(response));
      },
    });
    return outgoing;
  });
}

const requested = (index = 0) => fakes.request.mock.calls[index]![0] as RequestOptions;

beforeEach(() => {
  fakes.lookup.mockReset();
  fakes.request.mockReset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("fetchSiteIcon", () => {
  it("asks https://<host>/favicon.ico of the checked address, with the name for TLS and Host", async () => {
    resolveAs({ "bank.example": [PUBLIC, { address: "2606:4700::1", family: 6 }] });
    answer({ status: 200, headers: { "content-type": "image/png" }, chunks: [PNG] });
    const icon = await fetchSiteIcon("bank.example");
    expect(icon).toEqual({ bytes: PNG, contentType: "image/png" });
    const options = requested();
    expect(options).toMatchObject({
      host: "bank.example",
      servername: "bank.example",
      port: 443,
      path: "/favicon.ico",
      agent: false,
    });
    expect(options.signal).toBeInstanceOf(AbortSignal);
    // The connection resolves the name to the address that was checked, whatever DNS would say now.
    const pinned = options.lookup!;
    const viaAll = await new Promise((resolve) => pinned("bank.example", { all: true }, (_e, found) => resolve(found)));
    expect(viaAll).toEqual([PUBLIC]);
    const viaOne = await new Promise((resolve) =>
      pinned("bank.example", {}, (_e, address, family) => resolve([address, family])),
    );
    expect(viaOne).toEqual([PUBLIC.address, 4]);
    expect(fakes.lookup).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["resolves to loopback", [{ address: "127.0.0.1", family: 4 }]],
    ["has one private address among public ones", [PUBLIC, { address: "10.0.0.7", family: 4 }]],
    ["resolves to an IPv4-mapped loopback", [{ address: "::ffff:127.0.0.1", family: 6 }]],
    ["resolves to a unique-local address", [{ address: "fd00::1", family: 6 }]],
    ["resolves to nothing", []],
  ])("connects nowhere when the name %s", async (_what, addresses) => {
    resolveAs({ "rebind.example": addresses });
    expect(await fetchSiteIcon("rebind.example")).toBeNull();
    expect(fakes.request).not.toHaveBeenCalled();
  });

  it("connects nowhere when the name does not resolve", async () => {
    resolveAs({});
    expect(await fetchSiteIcon("missing.example")).toBeNull();
    expect(fakes.request).not.toHaveBeenCalled();
  });

  it("follows two redirects, checking each name again", async () => {
    resolveAs({ "bank.example": [PUBLIC], "www.bank.example": [PUBLIC], "cdn.example": [PUBLIC] });
    answer(
      { status: 301, headers: { location: "https://www.bank.example/favicon.ico" } },
      { status: 302, headers: { location: "//cdn.example/icons/bank.ico?v=2" } },
      { status: 200, headers: { "content-type": "application/octet-stream" }, chunks: [ICO] },
    );
    expect(await fetchSiteIcon("bank.example")).toEqual({ bytes: ICO, contentType: "image/x-icon" });
    expect(fakes.lookup.mock.calls.map(([host]) => host)).toEqual(["bank.example", "www.bank.example", "cdn.example"]);
    expect(requested(2)).toMatchObject({ host: "cdn.example", servername: "cdn.example", path: "/icons/bank.ico?v=2" });
  });

  it("stops at a third redirect", async () => {
    resolveAs({ "a.example": [PUBLIC], "b.example": [PUBLIC], "c.example": [PUBLIC] });
    answer(
      { status: 302, headers: { location: "https://b.example/" } },
      { status: 302, headers: { location: "https://c.example/" } },
      { status: 302, headers: { location: "https://a.example/favicon.ico" } },
    );
    expect(await fetchSiteIcon("a.example")).toBeNull();
    expect(fakes.request).toHaveBeenCalledTimes(3);
  });

  it("does not follow a redirect to a name that resolves inside the network", async () => {
    resolveAs({ "bank.example": [PUBLIC], "intranet.example": [{ address: "192.168.0.10", family: 4 }] });
    answer({ status: 307, headers: { location: "https://intranet.example/favicon.ico" } });
    expect(await fetchSiteIcon("bank.example")).toBeNull();
    expect(fakes.request).toHaveBeenCalledTimes(1);
  });

  it.each([
    [200, { "content-type": "text/html" }, [bytes("<!doctype html><title>Not found</title>")]],
    [200, { "content-type": "image/svg+xml" }, [bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')]],
    [200, { "content-type": "text/html" }, [PNG]],
    [404, { "content-type": "image/png" }, [PNG]],
    [500, {}, [bytes("stack trace")]],
    [200, { "content-type": "image/png", "content-length": String(SITE_ICON_LIMITS.maxBytes + 1) }, [PNG]],
    [200, { "content-type": "image/png" }, [PNG, new Uint8Array(SITE_ICON_LIMITS.maxBytes)]],
  ])("answers no icon to a %s with %o", async (status, headers, chunks) => {
    resolveAs({ "bank.example": [PUBLIC] });
    answer({ status, headers, chunks });
    expect(await fetchSiteIcon("bank.example")).toBeNull();
  });

  it("gives up at the time limit, even while DNS has not answered", async () => {
    const deadline = new AbortController();
    vi.spyOn(AbortSignal, "timeout").mockReturnValue(deadline.signal);
    fakes.lookup.mockReturnValue(new Promise(() => {}));
    const icon = fetchSiteIcon("slow.example");
    deadline.abort(new DOMException("timed out", "TimeoutError"));
    expect(await icon).toBeNull();
    expect(AbortSignal.timeout).toHaveBeenCalledWith(SITE_ICON_LIMITS.timeoutMs);
  });
});

describe("redirectTarget", () => {
  const from = new URL("https://bank.example/favicon.ico");

  it("takes https to a public name on the default port, relative or absolute", () => {
    expect(redirectTarget("/static/icon.png", from)?.href).toBe("https://bank.example/static/icon.png");
    expect(redirectTarget("https://www.bank.example:443/i.ico", from)?.href).toBe("https://www.bank.example/i.ico");
  });

  it.each([
    undefined,
    "",
    "http://bank.example/favicon.ico",
    "https://bank.example:8443/favicon.ico",
    "https://127.0.0.1/favicon.ico",
    "https://[::1]/favicon.ico",
    "https://localhost/favicon.ico",
    "https://user:pass@bank.example/favicon.ico",
    "file:///etc/passwd",
    "https://",
  ])("refuses %s", (location) => {
    expect(redirectTarget(location, from)).toBeNull();
  });
});

describe("the icon's format", () => {
  it("is told by the bytes, never by what the site says", () => {
    expect(imageTypeOf(PNG)).toBe("image/png");
    expect(imageTypeOf(ICO)).toBe("image/x-icon");
    expect(imageTypeOf(bytes("GIF89a..."))).toBe("image/gif");
    expect(imageTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(imageTypeOf(bytes("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(imageTypeOf(bytes("<svg></svg>"))).toBeNull();
    expect(imageTypeOf(new Uint8Array())).toBeNull();
  });

  it("takes .ico bytes under any type, other images only when the site calls them images", () => {
    expect(acceptedIcon("text/plain", ICO)).toEqual({ bytes: ICO, contentType: "image/x-icon" });
    expect(acceptedIcon(undefined, ICO)?.contentType).toBe("image/x-icon");
    expect(acceptedIcon("Image/PNG; charset=binary", PNG)?.contentType).toBe("image/png");
    expect(acceptedIcon("image/svg+xml", PNG)?.contentType).toBe("image/png");
    expect(acceptedIcon("application/octet-stream", PNG)).toBeNull();
    expect(acceptedIcon("image/svg+xml", bytes("<svg/>"))).toBeNull();
  });
});
