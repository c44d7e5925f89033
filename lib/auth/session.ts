import "server-only";
import { cache } from "react";
import { findSessionUser } from "@/lib/dal/accounts";
import { uuidSchema } from "@/lib/validation/common";
import { auth } from "./config";

export type SessionUser = { id: string; email: string; name: string; emailVerified: boolean };

/**
 * The signed-in user for this request, read from the database (never from token claims alone): a session whose
 * security stamp was rotated, or whose user was deleted, counts as signed out. Memoised per request.
 */
export const getSession = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const userId = uuidSchema.safeParse(session?.user?.id);
  const stamp = uuidSchema.safeParse(session?.securityStamp);
  if (!userId.success || !stamp.success) return null;
  return findSessionUser(userId.data, stamp.data);
});
