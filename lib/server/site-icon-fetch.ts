import "server-only";
import type { LookupAddress } from "node:dns";
import type { IncomingMessage } from "node:http";
import { request } from "node:https";
import { siteIconHostSchema } from "@/lib/vault/site-icons";
import { checkedAddressOf, pinnedLookup } from "./address-guard";

/**
 * Fetches one website's icon (https://<host>/favicon.ico) for a signed-in user who asked for website icons. The user
 * names the host, so this is built against server-side request forgery: every address the name resolves to must be
 * public, the connection goes to the address that was checked (a second DNS answer cannot swap it), redirects are
 * checked the same way, and time, size and format are bounded. Any failure is simply "no icon".
 */

export type SiteIcon = { bytes: Uint8Array<ArrayBuffer>; contentType: string };

export const SITE_ICON_LIMITS = { timeoutMs: 5_000, maxBytes: 64 * 1024, maxRedirects: 2 } as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** One GET to the checked address, with the name for TLS (SNI and the certificate) and the Host header. */
function get(url: URL, address: LookupAddress, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        servername: url.hostname,
        port: 443,
        path: `${url.pathname}${url.search}`,
        headers: { accept: "image/*", "user-agent": "Keyhouse site icons" },
        lookup: pinnedLookup(address),
        // A socket of its own: nothing pooled under the same name is reused.
        agent: false,
        signal,
      },
      resolve,
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** Where a redirect may lead: https on the default port, to a name the browser could have asked for itself. */
export function redirectTarget(location: string | undefined, from: URL): URL | null {
  if (!location) return null;
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return null;
  }
  const plain = next.protocol === "https:" && next.port === "" && !next.username && !next.password;
  return plain && siteIconHostSchema.safeParse(next.hostname).success ? next : null;
}

/** The body, or null once it passes `maxBytes` (announced or sent). */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(response.headers["content-length"]) > maxBytes) {
    response.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0) =>
  prefix.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/**
 * The raster format the bytes are, told by their first bytes: the answer names this type, never the upstream's.
 * SVG is never among them: served from this origin, its scripts would run here.
 */
export function imageTypeOf(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0, 0, 1, 0])) return "image/x-icon";
  if (startsWith(bytes, [0x89, ...ascii("PNG\r\n\x1a\n")])) return "image/png";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

/** An icon worth answering with: an image type upstream, or .ico bytes (often served as octet-stream or text). */
export function acceptedIcon(contentType: string | undefined, bytes: Uint8Array<ArrayBuffer>): SiteIcon | null {
  const type = imageTypeOf(bytes);
  if (!type) return null;
  const declared = contentType?.trim().toLowerCase() ?? "";
  return declared.startsWith("image/") || type === "image/x-icon" ? { bytes, contentType: type } : null;
}

async function fetchFrom(url: URL, signal: AbortSignal, redirectsLeft: number): Promise<SiteIcon | null> {
  const address = await checkedAddressOf(url.hostname);
  if (!address) return null;
  const response = await get(url, address, signal);
  if (REDIRECT_STATUSES.has(response.statusCode ?? 0)) {
    response.destroy();
    const next = redirectsLeft > 0 ? redirectTarget(response.headers.location, url) : null;
    return next ? fetchFrom(next, signal, redirectsLeft - 1) : null;
  }
  if (response.statusCode !== 200) {
    response.destroy();
    return null;
  }
  const bytes = await readBody(response, SITE_ICON_LIMITS.maxBytes);
  return bytes ? acceptedIcon(response.headers["content-type"], bytes) : null;
}

/** Settles when the signal aborts (DNS lookups take no signal, so the deadline also races them). */
function deadline(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
}

/** The icon of a host that passed siteIconHostSchema, or null: on any failure, within the time limit. */
export async function fetchSiteIcon(host: string): Promise<SiteIcon | null> {
  const signal = AbortSignal.timeout(SITE_ICON_LIMITS.timeoutMs);
  try {
    const url = new URL(`https://${host}/favicon.ico`);
    return await Promise.race([fetchFrom(url, signal, SITE_ICON_LIMITS.maxRedirects), deadline(signal)]);
  } catch {
    return null;
  }
}
