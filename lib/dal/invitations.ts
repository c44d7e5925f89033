import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { invitations, organizations, organizationUsers, providers, providerUsers } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { newSecret, secretHash } from "@/lib/server/secret-token";

/** Invitation and setup links are valid for five days (Bitwarden's invitation lifetime). */
export const INVITATION_LIFETIME_MS = 5 * 24 * 60 * 60 * 1000;

type InvitationTarget =
  | { kind: "provider_setup"; providerId: string }
  | { kind: "provider_user"; providerUserId: string }
  | { kind: "organization_user"; organizationUserId: string };

/** A new single-use link token (32 random bytes, base64url) and the SHA-256 that is all the database keeps of it. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const { secret, hash } = newSecret();
  return { token: secret, tokenHash: hash };
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
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  await executor.insert(invitations).values({ ...target, email, tokenHash, expiresAt });
  return { token, expiresAt };
}

export type InvitationKind = (typeof invitations.$inferSelect)["kind"];
export type InvitationRow = typeof invitations.$inferSelect;

export type InvitationProblem = "invalid" | "used" | "expired" | "wrong_email";

export const INVITATION_PROBLEMS: Record<InvitationProblem, string> = {
  invalid: "This invitation link is not valid. Ask for a new invitation.",
  used: "This invitation has already been used.",
  expired: "This invitation has expired. Ask for a new one.",
  wrong_email: "This invitation was sent to another email address. Log in with that address to accept it.",
};

/** What is wrong with an invitation for this kind of use by this email, if anything. */
export function invitationProblem(
  invitation: InvitationRow | undefined,
  kind: InvitationKind,
  email: string | null,
  now = new Date(),
): InvitationProblem | null {
  if (!invitation || invitation.kind !== kind) return "invalid";
  if (invitation.usedAt) return "used";
  if (invitation.expiresAt <= now) return "expired";
  if (email !== null && invitation.email !== email) return "wrong_email";
  return null;
}

/** Looks an invitation up by its token (the row stores only the token's hash). */
export async function findInvitation(
  executor: Executor,
  token: string,
  { lock = false } = {},
): Promise<InvitationRow | undefined> {
  const query = executor
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, secretHash(token)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/**
 * Uses an invitation up, inside the caller's transaction: it must exist, be of this kind, unused, unexpired and
 * addressed to `email`. The row is locked, so two tabs accepting at once cannot both succeed.
 */
export async function consumeInvitation(
  tx: Executor,
  token: string,
  kind: InvitationKind,
  email: string,
): Promise<InvitationRow> {
  const invitation = await findInvitation(tx, token, { lock: true });
  const problem = invitationProblem(invitation, kind, email);
  if (problem) throw new ActionError(INVITATION_PROBLEMS[problem]);
  await tx.update(invitations).set({ usedAt: new Date() }).where(eq(invitations.id, invitation!.id));
  return invitation!;
}

/** Retires a membership's outstanding links (a resend replaces them; a removal voids them). */
export async function retireInvitations(
  tx: Executor,
  target: { providerUserIds: string[] } | { organizationUserIds: string[] },
): Promise<void> {
  const condition =
    "providerUserIds" in target
      ? inArray(invitations.providerUserId, target.providerUserIds)
      : inArray(invitations.organizationUserId, target.organizationUserIds);
  await tx
    .update(invitations)
    .set({ usedAt: new Date() })
    .where(and(condition, isNull(invitations.usedAt)));
}

export type InvitationSummary = { problem: InvitationProblem | null; email: string | null; tenantName: string | null };

/**
 * What an accept page may show for a token before anyone acts on it: whom it invites to which provider or
 * organization, and what is wrong with it. The token itself is the secret, so holding it is enough to see this.
 */
export async function describeInvitation(
  token: string,
  kind: "provider_user" | "organization_user",
  email: string | null,
) {
  const db = await getDb();
  const [row] = await db
    .select({
      invitation: invitations,
      providerName: providers.name,
      organizationName: organizations.name,
    })
    .from(invitations)
    .leftJoin(providerUsers, eq(providerUsers.id, invitations.providerUserId))
    .leftJoin(providers, eq(providers.id, providerUsers.providerId))
    .leftJoin(organizationUsers, eq(organizationUsers.id, invitations.organizationUserId))
    .leftJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .where(eq(invitations.tokenHash, secretHash(token)));
  const summary: InvitationSummary = {
    problem: invitationProblem(row?.invitation, kind, email),
    email: row?.invitation.email ?? null,
    tenantName: row?.providerName ?? row?.organizationName ?? null,
  };
  return summary;
}
