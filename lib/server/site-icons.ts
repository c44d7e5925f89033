import "server-only";
import { fetchSiteIcon, type SiteIcon } from "./site-icon-fetch";

/**
 * Website icons as this process remembers them, so a vault of a thousand items (and every user sharing its sites)
 * does not fetch again: found icons for a day, misses for an hour, within a bounded number of entries and bytes
 * (the oldest go first). Requests for a host already being fetched wait for that one fetch.
 */

export const SITE_ICON_CACHE = {
  foundMs: 24 * 60 * 60 * 1000,
  missingMs: 60 * 60 * 1000,
  maxEntries: 1_000,
  maxBytes: 16 * 1024 * 1024,
} as const;

type Entry = { icon: SiteIcon | null; expiresAt: number };

const entries = new Map<string, Entry>();
const fetching = new Map<string, Promise<SiteIcon | null>>();
let cachedBytes = 0;

const sizeOf = (entry: Entry) => entry.icon?.bytes.byteLength ?? 0;

function forget(host: string): void {
  const entry = entries.get(host);
  if (!entry) return;
  cachedBytes -= sizeOf(entry);
  entries.delete(host);
}

function remember(host: string, icon: SiteIcon | null): void {
  forget(host);
  const entry = {
    icon,
    expiresAt: Date.now() + (icon ? SITE_ICON_CACHE.foundMs : SITE_ICON_CACHE.missingMs),
  };
  entries.set(host, entry);
  cachedBytes += sizeOf(entry);
  while (entries.size > SITE_ICON_CACHE.maxEntries || cachedBytes > SITE_ICON_CACHE.maxBytes)
    forget(entries.keys().next().value!);
}

/** The remembered answer for a host, unless there is none or it has expired. */
function remembered(host: string): Entry | undefined {
  const entry = entries.get(host);
  if (entry && entry.expiresAt <= Date.now()) {
    forget(host);
    return undefined;
  }
  return entry;
}

/** The icon of a host that passed siteIconHostSchema, or null when it has none this server may fetch. */
export function siteIcon(host: string): Promise<SiteIcon | null> {
  const entry = remembered(host);
  if (entry) return Promise.resolve(entry.icon);
  let pending = fetching.get(host);
  if (!pending) {
    pending = fetchSiteIcon(host)
      .then((icon) => {
        remember(host, icon);
        return icon;
      })
      .finally(() => fetching.delete(host));
    fetching.set(host, pending);
  }
  return pending;
}
