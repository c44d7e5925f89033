import "server-only";
import type { Session } from "next-auth";
import { cache } from "react";
import { findSessionUser } from "@/lib/dal/accounts";
import { uuidSchema } from "@/lib/validation/common";
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

/** The signed-in user for this request (see sessionUserOf). Memoised per request. */
export const getSession = cache(async (): Promise<SessionUser | null> => sessionUserOf(await auth()));
