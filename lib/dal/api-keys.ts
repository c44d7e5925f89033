import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";

/**
 * The personal API key (`bw login --apikey`, DESIGN §12): client id `user.<user id>` and a random secret, shown once
 * when made and kept as its SHA-256 (it is random, so a fast hash suffices). Making a new one voids the old.
 */
export const API_KEY_CLIENT_PREFIX = "user.";

export function apiKeyHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Replaces the caller's API key; answers the new one, which is never shown again. */
export async function rotateApiKey(
  tx: Executor,
  scope: UserScope,
): Promise<{ clientId: string; clientSecret: string }> {
  const { userId } = assertScope(scope);
  const clientSecret = randomBytes(24).toString("base64url");
  await tx
    .update(users)
    .set({ apiKeyHash: apiKeyHash(clientSecret) })
    .where(eq(users.id, userId));
  return { clientId: `${API_KEY_CLIENT_PREFIX}${userId}`, clientSecret };
}
