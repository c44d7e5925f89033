import "server-only";
import { and, count, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { providerOrganizations, providers, providerUsers, users } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import type { ProviderRole } from "@/lib/enums";
import { assertScope, type ProviderScope, type UserScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import {
  acceptRow,
  assertAccepted,
  assertNotMembersYet,
  confirmRows,
  countConfirmedInRole,
  deleteRows,
  emailsOfConfirmedInRole,
  inviteRows,
  listMembersPage,
  lockRows,
  type MemberListing,
  PROVIDER_MEMBERSHIPS,
  reissueInvitation,
} from "./membership";

export type MemberFilter = "all" | "invited" | "accepted";

export type ProviderMember = MemberListing<typeof PROVIDER_MEMBERSHIPS>;

export { MEMBERS_PAGE_SIZE } from "./membership";

/** One page of members with the counts behind the filter tabs: two queries whatever the size of the provider. */
export async function listProviderMembers(scope: ProviderScope, filter: MemberFilter, page: number) {
  const { providerId } = assertScope(scope);
  const counts = { all: 0, invited: 0, accepted: 0, confirmed: 0 };
  return listMembersPage(PROVIDER_MEMBERSHIPS, providerId, filter, page, counts);
}

/**
 * Serialises membership changes of one provider (the "at least one confirmed admin" rule is checked across rows,
 * so two admins demoting each other at once must not both succeed).
 */
export async function lockProvider(tx: Executor, scope: ProviderScope): Promise<{ name: string; enabled: boolean }> {
  const { providerId } = assertScope(scope);
  const [provider] = await tx
    .select({ name: providers.name, enabled: providers.enabled })
    .from(providers)
    .where(eq(providers.id, providerId))
    .for("update");
  if (!provider) throw new ActionError("This provider no longer exists.");
  return provider;
}

export async function inviteProviderMembers(tx: Executor, scope: ProviderScope, emails: string[], type: ProviderRole) {
  const { providerId } = assertScope(scope);
  await assertNotMembersYet(tx, PROVIDER_MEMBERSHIPS, providerId, emails);
  const created = await tx
    .insert(providerUsers)
    .values(emails.map((email) => ({ providerId, email, type, status: "invited" as const })))
    .returning({ id: providerUsers.id, email: providerUsers.email });
  return inviteRows(tx, PROVIDER_MEMBERSHIPS, created);
}

/** Rows of this provider among `ids`, locked for the change that follows; unknown or foreign ids are refused. */
export async function lockProviderMembers(tx: Executor, scope: ProviderScope, ids: string[]) {
  return lockRows(tx, PROVIDER_MEMBERSHIPS, assertScope(scope).providerId, ids);
}

/** Sends a pending invitation again, as a new link. */
export async function reinviteProviderMember(tx: Executor, scope: ProviderScope, memberId: string) {
  const [member] = await lockProviderMembers(tx, scope, [memberId]);
  return { member: member!, token: await reissueInvitation(tx, PROVIDER_MEMBERSHIPS, member!) };
}

export async function confirmProviderMembers(
  tx: Executor,
  scope: ProviderScope,
  confirmations: { id: string; key: EncString }[],
) {
  assertHoldsProviderKey(scope);
  const { providerId } = assertScope(scope);
  const rows = await lockProviderMembers(
    tx,
    scope,
    confirmations.map((confirmation) => confirmation.id),
  );
  assertAccepted(rows);
  await confirmRows(tx, PROVIDER_MEMBERSHIPS, providerId, confirmations);
  return rows;
}

/** Confirmed admins left if these members were removed or demoted. */
export async function remainingConfirmedAdmins(
  tx: Executor,
  scope: ProviderScope,
  excluding: string[],
): Promise<number> {
  const { providerId } = assertScope(scope);
  return countConfirmedInRole(tx, PROVIDER_MEMBERSHIPS, providerId, "provider_admin", excluding);
}

export async function setProviderMemberRole(
  tx: Executor,
  scope: ProviderScope,
  id: string,
  type: ProviderRole,
): Promise<void> {
  const { providerId } = assertScope(scope);
  await tx
    .update(providerUsers)
    .set({ type })
    .where(and(eq(providerUsers.providerId, providerId), eq(providerUsers.id, id)));
}

/** Removes members; their invitation links stop working. */
export async function deleteProviderMembers(tx: Executor, scope: ProviderScope, ids: string[]): Promise<void> {
  await deleteRows(tx, PROVIDER_MEMBERSHIPS, assertScope(scope).providerId, ids);
}

/**
 * The caller's own pending invitation row is matched by invitation, never by id from the client. Answers the
 * provider's name and its confirmed admins' addresses too, for the "a member accepted" mail.
 */
export async function acceptProviderInvitation(tx: Executor, scope: UserScope, providerUserId: string) {
  const { tenantId: providerId, ...member } = await acceptRow(tx, PROVIDER_MEMBERSHIPS, scope, providerUserId);
  return {
    ...member,
    providerId,
    providerName: await providerName(tx, providerId),
    adminEmails: await emailsOfConfirmedInRole(tx, PROVIDER_MEMBERSHIPS, providerId, "provider_admin"),
  };
}

async function providerName(executor: Executor, providerId: string): Promise<string> {
  const [row] = await executor.select({ name: providers.name }).from(providers).where(eq(providers.id, providerId));
  return row?.name ?? "your provider";
}

export type SetupInput = { name: string; billingEmail: string; key: EncString };

/**
 * Completes a pending provider from its setup invitation: the invitation (not the caller) names the provider, and
 * the caller becomes its first confirmed admin holding the provider key their browser just made.
 */
export async function completeProviderSetup(tx: Executor, scope: UserScope, providerId: string, input: SetupInput) {
  const { userId, email } = assertScope(scope);
  const [provider] = await tx
    .update(providers)
    .set({ name: input.name, billingEmail: input.billingEmail, status: "created" })
    .where(and(eq(providers.id, providerId), eq(providers.status, "pending")))
    .returning({ id: providers.id });
  if (!provider) throw new ActionError("This provider is already set up.");
  const [member] = await tx
    .insert(providerUsers)
    .values({ providerId, userId, email, type: "provider_admin", status: "confirmed", key: input.key })
    .returning({ id: providerUsers.id });
  return { providerId, providerUserId: member!.id };
}

/** Told to the first admin of an approved request who tries what needs the provider key before making it. */
export const NO_PROVIDER_KEY =
  "Create your provider's encryption key first: open the Provider Portal and follow its first step.";

/** Confirming members and adding clients wrap keys with the provider key: its holder must have it. */
export function assertHoldsProviderKey(scope: ProviderScope): void {
  if (!assertScope(scope).holdsKey) throw new ActionError(NO_PROVIDER_KEY);
}

/**
 * The first admin of an approved request stores the provider key their browser made, wrapped to their own public
 * key. Only while nobody holds a key and the provider has no client: a key made later would lock out those who
 * hold the real one, and clients' keys are wrapped with it.
 */
export async function storeFirstProviderKey(tx: Executor, scope: ProviderScope, key: EncString) {
  const { providerId, providerUserId } = assertScope(scope);
  await tx.select({ id: providers.id }).from(providers).where(eq(providers.id, providerId)).for("update");
  const [holders] = await tx
    .select({ n: count() })
    .from(providerUsers)
    .where(and(eq(providerUsers.providerId, providerId), isNotNull(providerUsers.key)));
  const [clients] = await tx
    .select({ n: count() })
    .from(providerOrganizations)
    .where(eq(providerOrganizations.providerId, providerId));
  if ((holders?.n ?? 0) > 0 || (clients?.n ?? 0) > 0) throw new ActionError("This provider already has its key.");
  const [member] = await tx
    .update(providerUsers)
    .set({ key })
    .where(and(eq(providerUsers.id, providerUserId), eq(providerUsers.status, "confirmed"), isNull(providerUsers.key)))
    .returning({ id: providerUsers.id });
  if (!member) throw new ActionError("This provider already has its key.");
}

/** What the setup page shows before the owner completes it. */
export async function pendingProviderName(providerId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ name: providers.name })
    .from(providers)
    .where(and(eq(providers.id, providerId), eq(providers.status, "pending")));
  return row?.name ?? null;
}

export type ProviderMemberTargets = { emails?: string[]; userIds?: (string | null)[] };

/**
 * Whether any of these people is a member (in any status) of the provider: matched by invited address, by account
 * address and by account, so neither a second address on the same account nor the same address on a new account
 * slips through.
 */
export async function includesProviderMembers(
  tx: Executor,
  providerId: string,
  targets: ProviderMemberTargets,
): Promise<boolean> {
  const emails = targets.emails ?? [];
  const userIds = (targets.userIds ?? []).filter((id): id is string => id !== null);
  if (emails.length === 0 && userIds.length === 0) return false;
  const [row] = await tx
    .select({ n: count() })
    .from(providerUsers)
    .leftJoin(users, eq(users.id, providerUsers.userId))
    .where(
      and(
        eq(providerUsers.providerId, providerId),
        or(
          emails.length ? inArray(providerUsers.email, emails) : undefined,
          emails.length ? inArray(users.email, emails) : undefined,
          userIds.length ? inArray(providerUsers.userId, userIds) : undefined,
        ),
      ),
    );
  return (row?.n ?? 0) > 0;
}
