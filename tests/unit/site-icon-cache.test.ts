import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SiteIcon } from "@/lib/server/site-icon-fetch";

/** The server remembers icons (a day) and misses (an hour), so a large vault does not make it fetch again. */

const fetchSiteIcon = vi.hoisted(() => vi.fn<(host: string) => Promise<SiteIcon | null>>());
vi.mock("@/lib/server/site-icon-fetch", () => ({ fetchSiteIcon }));

const HOUR = 60 * 60 * 1000;
const icon = (size = 4): SiteIcon => ({ bytes: new Uint8Array(size), contentType: "image/png" });

/** A fresh cache for each test: the module keeps it in its own state. */
async function freshCache() {
  vi.resetModules();
  return import("@/lib/server/site-icons");
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  fetchSiteIcon.mockReset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("siteIcon", () => {
  it("fetches a host once for many requests at a time, then answers from memory for a day", async () => {
    const { siteIcon } = await freshCache();
    const found = icon();
    fetchSiteIcon.mockResolvedValue(found);
    const answers = await Promise.all(Array.from({ length: 50 }, () => siteIcon("bank.example")));
    expect(answers.every((answer) => answer === found)).toBe(true);
    vi.advanceTimersByTime(23 * HOUR);
    expect(await siteIcon("bank.example")).toBe(found);
    expect(fetchSiteIcon).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2 * HOUR);
    await siteIcon("bank.example");
    expect(fetchSiteIcon).toHaveBeenCalledTimes(2);
  });

  it("remembers a miss for an hour", async () => {
    const { siteIcon } = await freshCache();
    fetchSiteIcon.mockResolvedValue(null);
    expect(await siteIcon("none.example")).toBeNull();
    vi.advanceTimersByTime(HOUR - 1000);
    expect(await siteIcon("none.example")).toBeNull();
    expect(fetchSiteIcon).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000);
    await siteIcon("none.example");
    expect(fetchSiteIcon).toHaveBeenCalledTimes(2);
  });

  it("keeps at most its number of entries and bytes, forgetting the oldest first", async () => {
    const { siteIcon, SITE_ICON_CACHE } = await freshCache();
    fetchSiteIcon.mockImplementation(async () => icon());
    for (let index = 0; index <= SITE_ICON_CACHE.maxEntries; index += 1) await siteIcon(`site${index}.example`);
    await siteIcon(`site${SITE_ICON_CACHE.maxEntries}.example`);
    await siteIcon("site1.example");
    expect(fetchSiteIcon).toHaveBeenCalledTimes(SITE_ICON_CACHE.maxEntries + 1);
    await siteIcon("site0.example");
    expect(fetchSiteIcon).toHaveBeenCalledTimes(SITE_ICON_CACHE.maxEntries + 2);

    const big = SITE_ICON_CACHE.maxBytes / 4;
    fetchSiteIcon.mockImplementation(async () => icon(big));
    for (const host of ["a.example", "b.example", "c.example", "d.example", "e.example"]) await siteIcon(host);
    fetchSiteIcon.mockClear();
    await siteIcon("e.example");
    await siteIcon("b.example");
    expect(fetchSiteIcon).not.toHaveBeenCalled();
    await siteIcon("a.example");
    expect(fetchSiteIcon).toHaveBeenCalledTimes(1);
  });
});
