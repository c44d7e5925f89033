import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Session } from "next-auth";
import { cache } from "react";
import { findSessionUser } from "@/lib/dal/accounts";
import { uuidSchema } from "@/lib/validation/common";
import { verifyAccessToken } from "./access-token";
import { auth } from "./config";

export type SessionUser = { id: string; email: string; name: string; emailVerified: boolean };

/**
 * The user a decoded session cookie belongs to, read from the database (never from token claims alone): a session
 * that was logged out or expired, whose security stamp was rotated, or whose user was deleted, counts as signed
 * out. The one check behind getSession and proxy.ts.
 */
export async function sessionUserOf(session: Session | null): Promise<SessionUser | null> {
  const userId = uuidSchema.safeParse(session?.user?.id);
  const stamp = uuidSchema.safeParse(session?.securityStamp);
  const sessionId = uuidSchema.safeParse(session?.sessionId);
  if (!userId.success || !stamp.success || !sessionId.success) return null;
  return findSessionUser(userId.data, stamp.data, sessionId.data);
}

/**
 * The user an official app's access token belongs to (DESIGN §12): the same database check as a cookie's, on the
 * session row of the app's device, so signing the device out or rotating the stamp ends the token at once.
 */
export async function bearerUserOf(authorization: string | null): Promise<SessionUser | null> {
  const token = /^Bearer ([\w.-]+)$/i.exec(authorization?.trim() ?? "")?.[1];
  const claims = token ? await verifyAccessToken(token) : null;
  return claims ? findSessionUser(claims.userId, claims.securityStamp, claims.sessionId) : null;
}

/** A request that names its caller with an access token rather than a cookie. */
export function hasBearerToken(h: Headers): boolean {
  return /^Bearer\s/i.test(h.get("authorization") ?? "");
}

const bearerRequest = new AsyncLocalStorage<{ authorization: string | null }>();

/**
 * Runs a Bitwarden API route handler so that the gates (requireUser and the scopes built on it) see the caller its
 * access token names. Only these routes take tokens; pages and server actions know callers by cookie alone.
 */
export function withBearerToken<T>(request: Request, run: () => Promise<T>): Promise<T> {
  return bearerRequest.run({ authorization: request.headers.get("authorization") }, run);
}

/**
 * The id of the browser session this page or action runs in (its cookie names the row), to mark it among the
 * account's sessions and keep it when the others end. Valid once getSession has accepted the caller.
 */
export async function currentSessionId(): Promise<string | null> {
  const sessionId = uuidSchema.safeParse((await auth())?.sessionId);
  return sessionId.success ? sessionId.data : null;
}

/** The signed-in user for this request: by access token in an API route, else by cookie. Memoised per request. */
export const getSession = cache(async (): Promise<SessionUser | null> => {
  const bearer = bearerRequest.getStore();
  if (bearer) return bearerUserOf(bearer.authorization);
  return sessionUserOf(await auth());
});
