import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { trustProxy } from "@/lib/server/config";
import type { EventOrigin } from "@/lib/dal/events";

/**
 * The caller's address as the nearest reverse proxy reports it: X-Real-IP, else the last X-Forwarded-For entry (a
 * proxy appends the address it saw; earlier entries came from the client). Only with TRUST_PROXY=true: otherwise
 * anyone could write any address into the event log. Next.js gives route handlers and server actions no socket
 * address, so without a trusted proxy the address is unknown (null).
 */
function clientAddress(h: Headers): string | null {
  if (!trustProxy()) return null;
  const address = h.get("x-real-ip")?.trim() || h.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  // isIP admits IPv6 zone ids of any length; the column holds 64 characters.
  return address && isIP(address) && address.length <= 64 ? address : null;
}

/** The caller's address and user agent, for the event log. */
export function originFromHeaders(h: Headers): EventOrigin {
  return { ip: clientAddress(h), device: h.get("user-agent")?.slice(0, 256) ?? null };
}

/** The current request's origin; empty outside a request (scripts, tests). */
export async function requestOrigin(): Promise<EventOrigin> {
  try {
    return originFromHeaders(await headers());
  } catch {
    return { ip: null, device: null };
  }
}
