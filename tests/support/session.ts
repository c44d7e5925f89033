import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";

/**
 * Integration tests call server actions and pages' DAL code directly, without an HTTP request to carry a cookie.
 * integration-setup.ts replaces only next-auth's cookie decoding (`auth()`) with this holder; everything after it
 * (the security-stamp check against the database, scopes, permissions) is the real code.
 */
type DecodedSession = { user: { id: string }; securityStamp: string; expires: string };

export const testSession: { current: DecodedSession | null } = { current: null };

/** Acts as this user from now on, with the security stamp the database holds for them now. */
export async function signInAs(userId: string): Promise<void> {
  const db = await getDb();
  const [user] = await db.select({ stamp: users.securityStamp }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`no user ${userId}`);
  testSession.current = { user: { id: userId }, securityStamp: user.stamp, expires: new Date(Date.now() + 3600_000).toISOString() };
}

/** A session cookie as it would be decoded, with whatever stamp it carried (for stale-session tests). */
export function useDecodedSession(userId: string, securityStamp: string): void {
  testSession.current = { user: { id: userId }, securityStamp, expires: new Date(Date.now() + 3600_000).toISOString() };
}

export function signOut(): void {
  testSession.current = null;
}
