import "server-only";
import { and, eq, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { userSessions } from "@/db/schema";

/**
 * Server-side sessions (db/schema/sessions.ts): the session cookie names a row, and a session lasts while its row
 * is neither revoked (logout) nor expired. The row's expiry is fixed at login, so a session lasts at most this long
 * however active it is (the cookie itself would slide).
 */
export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;

/**
 * Starts a session for a user who just logged in; answers its id, which the session cookie carries. Scope-less:
 * it runs before there is a session.
 */
export async function openSession(executor: Executor, userId: string): Promise<string> {
  await dropEndedSessions(executor, userId);
  const [row] = await executor
    .insert(userSessions)
    .values({ userId, expiresAt: sql`now() + ${SESSION_MAX_AGE_SECONDS}::int * interval '1 second'` })
    .returning({ id: userSessions.id });
  if (!row) throw new Error("session insert returned no row");
  return row.id;
}

/** The opener a browser's login uses (lib/dal/login.ts): a session row whose id the cookie carries. */
export const openBrowserSession = (executor: Executor, user: { id: string }) => openSession(executor, user.id);

/** Ends a session on the server (logout): every copy of its cookie is signed out from the next request on. */
export async function revokeSession(executor: Executor, sessionId: string): Promise<void> {
  await executor
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** The user's ended sessions are of no more use: dropping them at each login keeps the table from growing forever. */
export async function dropEndedSessions(executor: Executor, userId: string): Promise<void> {
  await executor
    .delete(userSessions)
    .where(
      and(
        eq(userSessions.userId, userId),
        or(isNotNull(userSessions.revokedAt), lte(userSessions.expiresAt, sql`now()`)),
      ),
    );
}
