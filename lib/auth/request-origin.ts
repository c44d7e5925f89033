import "server-only";
import { headers } from "next/headers";
import type { EventOrigin } from "@/lib/dal/events";

/** The caller's address and user agent, for the event log. */
export function originFromHeaders(h: Headers): EventOrigin {
  // Behind a reverse proxy the client is the first address of X-Forwarded-For; only trusted when TRUST_PROXY=true.
  const forwarded = process.env.TRUST_PROXY === "true" ? h.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  const ip = forwarded || h.get("x-real-ip") || null;
  return { ip: ip?.slice(0, 64) ?? null, device: h.get("user-agent")?.slice(0, 256) ?? null };
}

/** The current request's origin; empty outside a request (scripts, tests). */
export async function requestOrigin(): Promise<EventOrigin> {
  try {
    return originFromHeaders(await headers());
  } catch {
    return { ip: null, device: null };
  }
}
