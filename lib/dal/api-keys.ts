import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import { newSecret } from "@/lib/server/secret-token";

/**
 * The personal API key (`bw login --apikey`, DESIGN §12): client id `user.<user id>` and a random secret, shown once
 * when made and kept as its SHA-256 (it is random, so a fast hash suffices). Making a new one voids the old.
 */
export const API_KEY_CLIENT_PREFIX = "user.";

/** Replaces the caller's API key; answers the new one, which is never shown again. */
export async function rotateApiKey(
  tx: Executor,
  scope: UserScope,
): Promise<{ clientId: string; clientSecret: string }> {
  const { userId } = assertScope(scope);
  const { secret: clientSecret, hash } = newSecret(24);
  await tx.update(users).set({ apiKeyHash: hash }).where(eq(users.id, userId));
  return { clientId: `${API_KEY_CLIENT_PREFIX}${userId}`, clientSecret };
}
