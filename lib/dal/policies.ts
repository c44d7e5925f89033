import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import {
  invitations,
  organizations,
  organizationUsers,
  policies,
  providerOrganizations,
  providerUsers,
  users,
} from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type OrganizationScope, type UserScope } from "@/lib/authz/scope-brand";
import { isExemptFromPolicy, type PolicyMembership } from "@/lib/policies/exemptions";
import type { MasterPasswordRequirements } from "@/lib/policies/master-password";
import { POLICY_TYPES, type PolicyType } from "@/lib/enums";
import { type AppliedPolicy, policyDataOf, type PolicyDataMap, type PolicyState } from "@/lib/policies/types";
import { summarizeUserPolicies, type UserPolicies } from "@/lib/policies/user-policies";
import { invitationTokenSchema } from "@/lib/validation/members";
import { secretHash } from "@/lib/server/secret-token";
import { clientInReach } from "./client-reach";
import { invitationProblem } from "./invitations";

/** Every policy of the organization, in the console's order; never-saved ones are off with default data. */
export async function listOrganizationPolicies(scope: OrganizationScope): Promise<PolicyState[]> {
  const { organizationId } = assertScope(scope);
  const db = await getDb();
  const rows = await db
    .select({ id: policies.id, type: policies.type, enabled: policies.enabled, data: policies.data })
    .from(policies)
    .where(eq(policies.organizationId, organizationId));
  return POLICY_TYPES.map((type) => {
    const row = rows.find((candidate) => candidate.type === type);
    return {
      id: row?.id ?? null,
      type,
      enabled: row?.enabled ?? false,
      data: policyDataOf(type, row?.data),
    } as PolicyState;
  });
}

/** A policy as the console saves it: its type, on or off, and its (validated) data. */
export type PolicyUpdate = { [T in PolicyType]: { type: T; enabled: boolean; data: PolicyDataMap[T] } }[PolicyType];

/** Creates or replaces the organization's policy of this type; answers its id for the event. */
export async function savePolicy(
  tx: Executor,
  scope: OrganizationScope,
  update: PolicyUpdate,
): Promise<{ id: string }> {
  const { organizationId } = assertScope(scope);
  const data = update.data as Record<string, unknown> | null;
  const [row] = await tx
    .insert(policies)
    .values({ organizationId, type: update.type, enabled: update.enabled, data })
    .onConflictDoUpdate({
      target: [policies.organizationId, policies.type],
      set: { enabled: update.enabled, data, updatedAt: new Date() },
    })
    .returning({ id: policies.id });
  return row!;
}

const BELONGS = ["accepted", "confirmed"] as const;

/** Whether the user is a confirmed member of the provider managing the membership's organization, reaching it (a SQL column). */
function providerMemberColumn(userId: string) {
  return sql<boolean>`exists (select 1 from ${providerOrganizations}
    join ${providerUsers} on ${providerUsers.providerId} = ${providerOrganizations.providerId}
      and ${providerUsers.userId} = ${userId} and ${providerUsers.status} = 'confirmed'
      and ${clientInReach(providerUsers.id, providerOrganizations.id)}
    where ${providerOrganizations.organizationId} = ${organizationUsers.organizationId})`.mapWith(Boolean);
}

/**
 * What the policies of the user's organizations ask of them (lib/policies/user-policies.ts): enabled policies of
 * the organizations where they are an accepted or confirmed member, minus those they are exempt from
 * (lib/policies/exemptions.ts). The vault reads this for changing the master password, the generator, and
 * whether individual items may be kept and exported. One query.
 */
export async function policiesForUser(scope: UserScope): Promise<UserPolicies> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const rows = await db
    .select({
      organizationId: organizationUsers.organizationId,
      organizationName: organizations.name,
      role: organizationUsers.type,
      permissions: organizationUsers.permissions,
      providerMember: providerMemberColumn(userId),
      type: policies.type,
      data: policies.data,
    })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .innerJoin(policies, and(eq(policies.organizationId, organizationUsers.organizationId), eq(policies.enabled, true)))
    .where(and(eq(organizationUsers.userId, userId), inArray(organizationUsers.status, BELONGS)))
    .orderBy(organizations.name, policies.type);
  const applied = rows
    .filter((row) => !isExemptFromPolicy(row.type, row))
    .map((row): AppliedPolicy => ({
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      type: row.type,
      data: policyDataOf(row.type, row.data),
    }));
  return summarizeUserPolicies(applied);
}

export type InvitationMasterPasswordPolicy = { organizationName: string; requirements: MasterPasswordRequirements };

/**
 * The master password requirements of the organization an invitation is for, when its policy is on: what the
 * registration and accept pages check the new password against. The token is the secret (as on the accept page);
 * an invalid, used or expired one answers null. Requirements bind every role (lib/policies/exemptions.ts).
 */
export async function policiesForInvitation(token: string): Promise<InvitationMasterPasswordPolicy | null> {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      invitation: invitations,
      organizationName: organizations.name,
      enabled: policies.enabled,
      data: policies.data,
    })
    .from(invitations)
    .innerJoin(organizationUsers, eq(organizationUsers.id, invitations.organizationUserId))
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .leftJoin(policies, and(eq(policies.organizationId, organizations.id), eq(policies.type, "master_password")))
    .where(eq(invitations.tokenHash, secretHash(parsed.data)));
  if (!row || invitationProblem(row.invitation, "organization_user", null) || !row.enabled) return null;
  return { organizationName: row.organizationName, requirements: policyDataOf("master_password", row.data) };
}

type SingleOrgMembership = PolicyMembership & { organizationId: string; organizationName: string; singleOrg: boolean };

/** The user's accepted and confirmed memberships, each with whether its organization has single organization on. */
async function membershipsWithSingleOrg(tx: Executor, userId: string): Promise<SingleOrgMembership[]> {
  return tx
    .select({
      organizationId: organizationUsers.organizationId,
      organizationName: organizations.name,
      role: organizationUsers.type,
      permissions: organizationUsers.permissions,
      providerMember: providerMemberColumn(userId),
      singleOrg: sql<boolean>`${policies.id} is not null`.mapWith(Boolean),
    })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .leftJoin(
      policies,
      and(
        eq(policies.organizationId, organizationUsers.organizationId),
        eq(policies.type, "single_org"),
        eq(policies.enabled, true),
      ),
    )
    .where(and(eq(organizationUsers.userId, userId), inArray(organizationUsers.status, BELONGS)));
}

async function targetOrganization(tx: Executor, organizationId: string) {
  const [row] = await tx
    .select({ name: organizations.name, singleOrg: sql<boolean>`${policies.id} is not null`.mapWith(Boolean) })
    .from(organizations)
    .leftJoin(
      policies,
      and(eq(policies.organizationId, organizations.id), eq(policies.type, "single_org"), eq(policies.enabled, true)),
    )
    .where(eq(organizations.id, organizationId));
  return row ?? { name: "this organization", singleOrg: false };
}

/**
 * Refuses (ActionError, rolling the caller's transaction back) when single organization policies forbid `userId`
 * to belong to `organizationId`, as Bitwarden does when someone accepts an invitation:
 * - `organizationId` has the policy, their role there is not exempt, and they belong to another organization; or
 * - an organization they belong to has the policy and they are not exempt there.
 * "Belong" means accepted or confirmed; exemptions are lib/policies/exemptions.ts (owners and admins).
 *
 * Run inside the transaction that adds the membership, after writing the membership row, so their role in
 * `organizationId` is known. The user's row is locked first, so two joins by the same person run one after the
 * other.
 */
async function assertSingleOrganizationAllowsUser(tx: Executor, userId: string, organizationId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
  const memberships = await membershipsWithSingleOrg(tx, userId);
  const here = memberships.find((membership) => membership.organizationId === organizationId);
  const elsewhere = memberships.filter((membership) => membership.organizationId !== organizationId);
  const target = await targetOrganization(tx, organizationId);
  const boundHere = !here || !isExemptFromPolicy("single_org", here);
  if (target.singleOrg && boundHere && elsewhere.length > 0) {
    throw new ActionError(
      `${target.name} does not allow its members to belong to other organizations (single organization policy). Leave your other organizations before you join it.`,
    );
  }
  const blocking = elsewhere.find(
    (membership) => membership.singleOrg && !isExemptFromPolicy("single_org", membership),
  );
  if (blocking) {
    throw new ActionError(
      `You belong to ${blocking.organizationName}, whose single organization policy does not allow its members to belong to any other organization.`,
    );
  }
}

/**
 * The caller joins `organizationId` (see assertSingleOrganizationAllowsUser):
 * - accepting an invitation: after the row is marked accepted (app/(auth)/accept/actions.ts);
 * - creating an organization: after inserting the creator's owner row (owners are exempt in the new
 *   organization, which has no policies yet, so only the second rule can refuse).
 */
export function assertSingleOrganizationAllows(tx: Executor, scope: UserScope, organizationId: string): Promise<void> {
  return assertSingleOrganizationAllowsUser(tx, assertScope(scope).userId, organizationId);
}

/** A revoked member of the scope's organization is restored: after their row is restored, as when joining. */
export function assertSingleOrganizationAllowsRestore(
  tx: Executor,
  scope: OrganizationScope,
  memberUserId: string,
): Promise<void> {
  return assertSingleOrganizationAllowsUser(tx, memberUserId, assertScope(scope).organizationId);
}
