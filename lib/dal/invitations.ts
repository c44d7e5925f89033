import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Executor } from "@/db/client";
import { invitations } from "@/db/schema";

/** Invitation and setup links are valid for five days (Bitwarden's invitation lifetime). */
export const INVITATION_LIFETIME_MS = 5 * 24 * 60 * 60 * 1000;

type InvitationTarget =
  | { kind: "provider_setup"; providerId: string }
  | { kind: "provider_user"; providerUserId: string }
  | { kind: "organization_user"; organizationUserId: string };

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Creates a single-use link token bound to `email`. Only its SHA-256 is stored, so a database leak yields no
 * usable link; the raw token exists only in the mail.
 */
export async function createInvitation(
  executor: Executor,
  email: string,
  target: InvitationTarget,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  await executor.insert(invitations).values({ ...target, email, tokenHash: hashInvitationToken(token), expiresAt });
  return { token, expiresAt };
}
