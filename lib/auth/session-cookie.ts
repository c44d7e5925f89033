import "server-only";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { decode } from "next-auth/jwt";
import type { SessionClaims } from "@/lib/dal/accounts";
import { uuidSchema } from "@/lib/validation/common";
import { authSecret } from "./secret";

/**
 * Reads the session cookie next-auth wrote at login (lib/auth/config.ts), without next-auth's per-request work: its
 * request wrapper decrypts the cookie, derives the key again for each call, and re-encrypts and re-sends the cookie
 * on every response to slide its expiry. Keyhouse's sessions do not slide (the session row's expiry is fixed at
 * login, lib/dal/sessions.ts), so the cookie never needs rewriting, and a decrypted cookie is remembered so the proxy
 * and the page decode each cookie once. What a cookie names is still checked against the database on every request.
 */

/** next-auth's cookie names: `__Secure-` over HTTPS; a long cookie is cut into `.0`, `.1`, ... chunks. */
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

type CookieReader = (name: string) => string | undefined;

/** Decrypted cookies, so the same cookie is not decrypted again by the next request (bounded; entries expire). */
const MAX_REMEMBERED = 5000;
type Remembered = { claims: SessionClaims | null; expiresAtMs: number };
// On globalThis: the proxy and the pages are bundled apart but run in one process, and should share what they decoded.
const REMEMBERED_KEY = Symbol.for("keyhouse.session-cookies");
const remembered: Map<string, Remembered> = ((globalThis as Record<symbol, unknown>)[REMEMBERED_KEY] ??= new Map<
  string,
  Remembered
>()) as Map<string, Remembered>;

let secret: string | undefined;

/** The claims of the session cookie a request carries (proxy.ts). */
export function sessionClaimsOfRequest(request: NextRequest): Promise<SessionClaims | null> {
  return sessionClaimsFromCookies((name) => request.cookies.get(name)?.value);
}

/** The claims of this page's, action's or route's session cookie. */
export async function sessionClaimsOfPage(): Promise<SessionClaims | null> {
  const store = await cookies();
  return sessionClaimsFromCookies((name) => store.get(name)?.value);
}

export async function sessionClaimsFromCookies(read: CookieReader): Promise<SessionClaims | null> {
  for (const name of COOKIE_NAMES) {
    const token = cookieValue(read, name);
    if (token) return claimsOf(token, name);
  }
  return null;
}

function cookieValue(read: CookieReader, name: string): string | undefined {
  const whole = read(name);
  if (whole) return whole;
  let joined = "";
  for (let index = 0; index < 10; index += 1) {
    const chunk = read(`${name}.${index}`);
    if (!chunk) break;
    joined += chunk;
  }
  return joined || undefined;
}

async function claimsOf(token: string, cookieName: string): Promise<SessionClaims | null> {
  const key = `${cookieName}=${token}`;
  const known = remembered.get(key);
  if (known && known.expiresAtMs > Date.now()) return known.claims;
  if (known) remembered.delete(key);
  const decoded = await decryptCookie(token, cookieName);
  remember(key, decoded);
  return decoded.claims;
}

async function decryptCookie(token: string, salt: string): Promise<Remembered> {
  secret ??= authSecret();
  // An undecryptable or expired cookie is no session; remembered briefly so a bad cookie costs one decryption a minute.
  const refused = { claims: null, expiresAtMs: Date.now() + 60_000 };
  try {
    const payload = await decode({ token, secret, salt });
    const userId = uuidSchema.safeParse(payload?.sub);
    const securityStamp = uuidSchema.safeParse(payload?.stamp);
    const sessionId = uuidSchema.safeParse(payload?.sid);
    const expiresAtMs = typeof payload?.exp === "number" ? payload.exp * 1000 : 0;
    if (!userId.success || !securityStamp.success || !sessionId.success || expiresAtMs <= Date.now()) return refused;
    return {
      claims: { userId: userId.data, securityStamp: securityStamp.data, sessionId: sessionId.data },
      expiresAtMs,
    };
  } catch {
    return refused;
  }
}

function remember(key: string, value: Remembered): void {
  if (remembered.size >= MAX_REMEMBERED) {
    // Maps iterate in insertion order: the oldest entry goes first.
    const oldest = remembered.keys().next().value;
    if (oldest !== undefined) remembered.delete(oldest);
  }
  remembered.set(key, value);
}
