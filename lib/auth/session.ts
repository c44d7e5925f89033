import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { type ApiKeyClaims, type CallerClaims, findSessionUser, type SessionClaims } from "@/lib/dal/accounts";
import { verifyAccessToken } from "./access-token";
import { sessionClaimsOfPage } from "./session-cookie";

export type SessionUser = { id: string; email: string; name: string; emailVerified: boolean };

/**
 * The user a session's claims belong to, read from the database (never from the claims alone): a session that was
 * logged out or expired, whose security stamp was rotated, or whose user was deleted, counts as signed out.
 */
export async function sessionUserOf(claims: CallerClaims | null): Promise<SessionUser | null> {
  return claims ? findSessionUser(claims) : null;
}

/** The claims of an official app's access token (DESIGN §12), checked against its device's session row like a cookie's. */
async function bearerClaimsOf(authorization: string | null): Promise<SessionClaims | null> {
  const token = /^Bearer ([\w.-]+)$/i.exec(authorization?.trim() ?? "")?.[1];
  return token ? verifyAccessToken(token) : null;
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

const providerApiRequest = new AsyncLocalStorage<ApiKeyClaims>();

/**
 * Runs a provider API route handler as the key it presented (lib/provider-api/route.ts): the gates see the key's
 * claims instead of a cookie's, and only these routes take provider keys.
 */
export function withProviderApiKey<T>(claims: ApiKeyClaims, run: () => Promise<T>): Promise<T> {
  return providerApiRequest.run(claims, run);
}

/**
 * Who this request's cookie (or, in an API route, access token or provider key) says the caller is, before any
 * database check.
 */
export const sessionClaims = cache(async (): Promise<CallerClaims | null> => {
  const apiKey = currentApiKey();
  if (apiKey) return apiKey;
  const bearer = bearerRequest.getStore();
  if (bearer) return bearerClaimsOf(bearer.authorization);
  return sessionClaimsOfPage();
});

/** The provider API key this request presents (lib/provider-api/route.ts), or null for a cookie or an app's token. */
export function currentApiKey(): ApiKeyClaims | null {
  return providerApiRequest.getStore() ?? null;
}

/**
 * The id of the browser session this page or action runs in (its cookie names the row), to mark it among the
 * account's sessions and keep it when the others end. Valid once getSession has accepted the caller.
 */
export async function currentSessionId(): Promise<string | null> {
  const claims = await sessionClaims();
  return claims && "sessionId" in claims ? claims.sessionId : null;
}

/**
 * The caller's verified user, kept for the rest of the request by whichever read verified the session first: a gate
 * that checks the session together with a membership (lib/authz/scope.ts) spares getSession its own statement.
 */
const verifiedCaller = cache((): { user?: Promise<SessionUser | null> } => ({}));

/** Hands getSession the user a combined read verified (or null: the session is not valid), unless it has one. */
export function keepVerifiedUser(user: Promise<SessionUser | null>): void {
  verifiedCaller().user ??= user;
}

/** The signed-in user for this request: by access token in an API route, else by cookie. One check per request. */
export function getSession(): Promise<SessionUser | null> {
  const slot = verifiedCaller();
  slot.user ??= sessionClaims().then(sessionUserOf);
  return slot.user;
}
