import "server-only";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, organizationUsers, policies, providerOrganizations, providerUsers, users } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type OrganizationScope, type ProviderScope, type UserScope } from "@/lib/authz/scope-brand";
import { appUrl } from "@/lib/server/config";
import { revokedForTwoStepLoginMail, twoFactorDisabledMail } from "@/lib/mail/account-mail";
import type { MailMessage } from "./mail-outbox";
import { isExemptFromPolicy } from "@/lib/policies/exemptions";
import { clientInReach, qualified } from "./client-reach";
import type { EventInput } from "./events";
import type { SecondFactor } from "./two-factor";

/**
 * The "require two-step login" policy, as Bitwarden enforces it: accepted and confirmed members it binds
 * (owners, admins and the managing provider's members are exempt, lib/policies/exemptions.ts) lose their access,
 * revoked, when they are without two-step login: when the policy is turned on, and when they turn two-step login
 * off. Someone without it cannot accept an invitation to such an organization. Callers mail and record.
 */

export type RevokedMembership = {
  organizationUserId: string;
  organizationId: string;
  organizationName: string;
  userId: string;
  email: string;
};

const BELONGS = ["accepted", "confirmed"] as const;

/** Whether the membership row's user is a confirmed member of the provider that manages its organization, reaching it. */
const providerMember = sql<boolean>`exists (select 1 from ${providerOrganizations}
  join ${providerUsers} on ${providerUsers.providerId} = ${providerOrganizations.providerId}
    and ${providerUsers.userId} = ${organizationUsers.userId} and ${providerUsers.status} = 'confirmed'
    and ${clientInReach(providerUsers.id, providerOrganizations.id)}
  where ${providerOrganizations.organizationId} = ${organizationUsers.organizationId})`.mapWith(Boolean);

const twoStepPolicyOn = and(
  eq(policies.organizationId, organizationUsers.organizationId),
  eq(policies.type, "two_factor_authentication"),
  eq(policies.enabled, true),
);

/** Accepted and confirmed memberships matching `where`, in organizations with the policy on, whose user lacks two-step login and is bound by it. */
async function boundMembershipsWithoutTwoStepLogin(tx: Executor, where: SQL | undefined): Promise<RevokedMembership[]> {
  const rows = await tx
    .select({
      organizationUserId: organizationUsers.id,
      organizationId: organizationUsers.organizationId,
      organizationName: organizations.name,
      userId: users.id,
      email: users.email,
      role: organizationUsers.type,
      permissions: organizationUsers.permissions,
      providerMember,
    })
    .from(organizationUsers)
    .innerJoin(users, eq(users.id, organizationUsers.userId))
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .innerJoin(policies, twoStepPolicyOn)
    .where(and(where, inArray(organizationUsers.status, BELONGS), isNull(users.twoFactorEnabledAt)))
    .for("update", { of: organizationUsers });
  return rows
    .filter((row) => !isExemptFromPolicy("two_factor_authentication", row))
    .map(({ organizationUserId, organizationId, organizationName, userId, email }) => ({
      organizationUserId,
      organizationId,
      organizationName,
      userId,
      email,
    }));
}

async function revoke(tx: Executor, memberships: RevokedMembership[]): Promise<RevokedMembership[]> {
  if (memberships.length === 0) return memberships;
  const ids = memberships.map((membership) => membership.organizationUserId);
  await tx.update(organizationUsers).set({ status: "revoked" }).where(inArray(organizationUsers.id, ids));
  return memberships;
}

/** The policy was just turned on (or saved on): revokes the organization's bound members without two-step login. */
export async function revokeMembersWithoutTwoStepLogin(
  tx: Executor,
  scope: OrganizationScope,
): Promise<RevokedMembership[]> {
  const { organizationId } = assertScope(scope);
  return revoke(
    tx,
    await boundMembershipsWithoutTwoStepLogin(tx, eq(organizationUsers.organizationId, organizationId)),
  );
}

/** A provider's baseline just turned the policy on in these clients of its: revokes their bound members without it. */
export async function revokeClientMembersWithoutTwoStepLogin(
  tx: Executor,
  scope: ProviderScope,
  organizationIds: string[],
): Promise<RevokedMembership[]> {
  const { providerId } = assertScope(scope);
  if (organizationIds.length === 0) return [];
  const ofProvider = sql`exists (select 1 from ${providerOrganizations} client
    where client.organization_id = ${qualified(organizationUsers.organizationId)} and client.provider_id = ${providerId})`;
  return revoke(
    tx,
    await boundMembershipsWithoutTwoStepLogin(
      tx,
      and(inArray(organizationUsers.organizationId, organizationIds), ofProvider),
    ),
  );
}

/** The user just turned two-step login off: revokes them from the organizations whose policy binds them. */
async function revokeFromOrganizationsRequiringTwoStepLogin(
  tx: Executor,
  userId: string,
): Promise<RevokedMembership[]> {
  return revoke(tx, await boundMembershipsWithoutTwoStepLogin(tx, eq(organizationUsers.userId, userId)));
}

/**
 * Refuses (rolling the accept back) when the organization requires two-step login of the role the caller joins
 * with and they have not turned it on. Call it after the membership row is marked accepted, like the single
 * organization check (app/(auth)/accept/actions.ts).
 */
export async function assertTwoStepLoginAllows(tx: Executor, scope: UserScope, organizationId: string): Promise<void> {
  const { userId } = assertScope(scope);
  const where = and(eq(organizationUsers.userId, userId), eq(organizationUsers.organizationId, organizationId));
  const [blocked] = await boundMembershipsWithoutTwoStepLogin(tx, where);
  if (blocked) {
    throw new ActionError(
      `${blocked.organizationName} requires two-step login. Turn on two-step login in your account settings (Settings → Security), then accept the invitation again.`,
    );
  }
}

type Notify = { record: (event: EventInput) => Promise<void>; mail: (message: MailMessage) => Promise<void> };

/** Records each revocation and mails the member why it happened and what to do (Bitwarden mails them too). */
export async function reportTwoStepLoginRevocations(
  revoked: RevokedMembership[],
  { record, mail }: Notify,
): Promise<void> {
  for (const membership of revoked) {
    await record({
      type: "organization_user_revoked_for_two_factor",
      organizationId: membership.organizationId,
      organizationUserId: membership.organizationUserId,
      userId: membership.userId,
    });
    await mail({
      to: membership.email,
      ...revokedForTwoStepLoginMail(membership.organizationName, appUrl("/settings/security")),
    });
  }
}

/** Refuses to restore members the policy binds while they are without two-step login (call after restoring the rows). */
export async function assertRestoredMembersHaveTwoStepLogin(
  tx: Executor,
  scope: OrganizationScope,
  organizationUserIds: string[],
): Promise<void> {
  const { organizationId } = assertScope(scope);
  const where = and(
    eq(organizationUsers.organizationId, organizationId),
    inArray(organizationUsers.id, organizationUserIds),
  );
  const blocked = await boundMembershipsWithoutTwoStepLogin(tx, where);
  if (blocked.length > 0) {
    const emails = blocked.map((membership) => membership.email).join(", ");
    throw new ActionError(
      `${blocked[0]!.organizationName} requires two-step login, which ${emails} ${blocked.length === 1 ? "has" : "have"} not turned on. Restore them once they have.`,
    );
  }
}

/**
 * Two-step login was just turned off, in the settings or by a login with the recovery code (`factor` says which):
 * records it, mails the person, then revokes them from the organizations whose policy binds them, reporting each.
 * Answers those revocations. Takes the user, not a scope: a login with the recovery code has no session yet.
 */
export async function reportTwoStepLoginTurnedOff(
  tx: Executor,
  user: { userId: string; email: string },
  factor: SecondFactor,
  { record, mail }: Notify,
): Promise<RevokedMembership[]> {
  const recovered = factor === "recovery_code";
  await record({ type: recovered ? "user_recovered_two_factor" : "user_disabled_two_factor", userId: user.userId });
  await mail({ to: user.email, ...twoFactorDisabledMail(recovered, appUrl("/settings/security")) });
  const revoked = await revokeFromOrganizationsRequiringTwoStepLogin(tx, user.userId);
  await reportTwoStepLoginRevocations(revoked, { record, mail });
  return revoked;
}
