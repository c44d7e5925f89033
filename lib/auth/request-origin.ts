import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { trustProxy } from "@/lib/server/config";
import { PEER_ADDRESS_HEADER } from "@/lib/server/peer-address";
import type { EventOrigin } from "@/lib/dal/events";

/**
 * The caller's address. Behind a reverse proxy (TRUST_PROXY=true) it is what the nearest proxy reports: X-Real-IP, else
 * the last X-Forwarded-For entry (a proxy appends the address it saw; earlier entries came from the client). Those
 * headers count only then: otherwise anyone could write any address into the event log. Without a trusted proxy, or
 * when it sent neither, it is the address of the connection itself (lib/server/peer-address.ts).
 */
function clientAddress(h: Headers): string | null {
  const forwarded = trustProxy()
    ? h.get("x-real-ip")?.trim() || h.get("x-forwarded-for")?.split(",").at(-1)?.trim()
    : undefined;
  return ipAddress(forwarded || h.get(PEER_ADDRESS_HEADER)?.trim());
}

/** An IP address, IPv4 written as such when it came as an IPv4-mapped IPv6 address; anything else is dropped. */
function ipAddress(value: string | undefined): string | null {
  if (!value) return null;
  const address = value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
  // isIP admits IPv6 zone ids of any length; the column holds 64 characters.
  return isIP(address) && address.length <= 64 ? address : null;
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
