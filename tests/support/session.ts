import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { openSession } from "@/lib/dal/sessions";

/**
 * Integration tests call server actions and pages' DAL code directly, without an HTTP request to carry a cookie.
 * integration-setup.ts replaces only next-auth's cookie decoding (`auth()`) with this holder; everything after it
 * (the session row and security-stamp check against the database, scopes, permissions) is the real code.
 */
type DecodedSession = { user: { id: string }; securityStamp: string; sessionId: string; expires: string };

export const testSession: { current: DecodedSession | null } = { current: null };

function decoded(userId: string, securityStamp: string, sessionId: string): DecodedSession {
  return { user: { id: userId }, securityStamp, sessionId, expires: new Date(Date.now() + 3600_000).toISOString() };
}

/** Acts as this user from now on: a new session row, as a login makes, and the security stamp the user has now. */
export async function signInAs(userId: string): Promise<void> {
  const db = await getDb();
  const [user] = await db.select({ stamp: users.securityStamp }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`no user ${userId}`);
  testSession.current = decoded(userId, user.stamp, await openSession(db, userId));
}

/**
 * A session cookie as it would be decoded, with whatever stamp and session it carried (for stale-session tests).
 * Without a session id it gets a live session row of its own, so only the stamp can make it stale.
 */
export async function setDecodedSession(userId: string, securityStamp: string, sessionId?: string): Promise<void> {
  testSession.current = decoded(userId, securityStamp, sessionId ?? (await openSession(await getDb(), userId)));
}

export function signOut(): void {
  testSession.current = null;
}
