import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, userSessions } from "@/db/schema";
import { openSession } from "@/lib/dal/sessions";

/**
 * Integration tests call server actions and pages' DAL code directly, without an HTTP request to carry a cookie.
 * integration-setup.ts replaces only the session cookie's decoding (lib/auth/session-cookie.ts) with this holder; everything after it
 * (the session row and security-stamp check against the database, scopes, permissions) is the real code.
 */
type DecodedSession = { user: { id: string }; securityStamp: string; sessionId: string; expires: string };

export const testSession: { current: DecodedSession | null } = { current: null };

/** The claims lib/auth/session-cookie.ts would have read from the current session's cookie. */
export function testSessionClaims() {
  const session = testSession.current;
  return session
    ? { userId: session.user.id, securityStamp: session.securityStamp, sessionId: session.sessionId }
    : null;
}

function decoded(userId: string, securityStamp: string, sessionId: string): DecodedSession {
  return { user: { id: userId }, securityStamp, sessionId, expires: new Date(Date.now() + 3600_000).toISOString() };
}

/**
 * Acts as this user from now on, with the security stamp the user has now and a live session row: the one an earlier
 * sign-in opened, or a new one as a login makes. Reusing it keeps a second sign-in from writing anything, so tests
 * can compare database snapshots around it.
 */
export async function signInAs(userId: string): Promise<void> {
  const db = await getDb();
  const [user] = await db.select({ stamp: users.securityStamp }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`no user ${userId}`);
  const [live] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, sql`now()`)))
    .limit(1);
  testSession.current = decoded(userId, user.stamp, live?.id ?? (await openSession(db, userId)));
}

/**
 * A session cookie as it would be decoded, with whatever stamp and session it carried (for stale-session tests).
 * Without a session id it gets a live session row of its own, so only the stamp can make it stale.
 */
export async function setDecodedSession(userId: string, securityStamp: string, sessionId?: string): Promise<void> {
  testSession.current = decoded(userId, securityStamp, sessionId ?? (await openSession(await getDb(), userId)));
}

/** The session acted with now, to act with it again later (resumeSession) without opening another row. */
export function currentSession(): DecodedSession | null {
  return testSession.current;
}

export function resumeSession(session: DecodedSession | null): void {
  testSession.current = session;
}

export function signOut(): void {
  testSession.current = null;
}
