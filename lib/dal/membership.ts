import "server-only";
import { and, asc, count, eq, inArray, notInArray } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { organizationUsers, providerUsers, users } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import { createInvitation, retireInvitations } from "./invitations";

/**
 * What organization and provider memberships share: invited by email, accepted by an account, confirmed with a key
 * wrapped to the member. The rules of each domain (roles, seats, revocation) stay in its own file; these private
 * helpers take the tenant id from the caller's scope, and every query names the tenant in SQL.
 */
export const ORGANIZATION_MEMBERSHIPS = {
  table: organizationUsers,
  tenantId: organizationUsers.organizationId,
  invitation: (id: string) => ({ kind: "organization_user" as const, organizationUserId: id }),
  invitations: (ids: string[]) => ({ organizationUserIds: ids }),
};
export const PROVIDER_MEMBERSHIPS = {
  table: providerUsers,
  tenantId: providerUsers.providerId,
  invitation: (id: string) => ({ kind: "provider_user" as const, providerUserId: id }),
  invitations: (ids: string[]) => ({ providerUserIds: ids }),
};
type Memberships = typeof ORGANIZATION_MEMBERSHIPS | typeof PROVIDER_MEMBERSHIPS;
type Row = Memberships["table"]["$inferSelect"];
/** A row of the tenant's own table: its roles and statuses, not the other domain's. */
type RowOf<M extends Memberships> = M["table"]["$inferSelect"];

export type MemberListing<M extends Memberships> = {
  id: string;
  email: string;
  name: string | null;
  userId: string | null;
  type: RowOf<M>["type"];
  status: RowOf<M>["status"];
  /** Shown (as a fingerprint phrase) to the admin who confirms an accepted member. */
  publicKey: string | null;
};

export const MEMBERS_PAGE_SIZE = 50;

/**
 * One page of a tenant's members and the counts behind the filter tabs: two queries whatever the tenant's size.
 * `counts` starts at zero for every status the tenant knows.
 */
export async function listMembersPage<M extends Memberships, C extends { all: number }>(
  memberships: M,
  tenantId: string,
  filter: RowOf<M>["status"] | "all",
  page: number,
  counts: C,
) {
  const { table } = memberships;
  const db = await getDb();
  const members = await db
    .select({
      id: table.id,
      email: table.email,
      name: users.name,
      userId: table.userId,
      type: table.type,
      status: table.status,
      publicKey: users.publicKey,
    })
    .from(table)
    .leftJoin(users, eq(users.id, table.userId))
    .where(and(eq(memberships.tenantId, tenantId), filter === "all" ? undefined : eq(table.status, filter)))
    .orderBy(asc(table.email))
    .limit(MEMBERS_PAGE_SIZE)
    .offset((page - 1) * MEMBERS_PAGE_SIZE);
  const tallies = await db
    .select({ status: table.status, n: count() })
    .from(table)
    .where(eq(memberships.tenantId, tenantId))
    .groupBy(table.status);
  const totals: Record<string, number> = { ...counts };
  for (const tally of tallies) {
    totals[tally.status] = tally.n;
    totals.all! += tally.n;
  }
  return { members: members as MemberListing<M>[], counts: totals as C };
}

/** Refuses addresses that already have a row in the tenant, in whatever status. */
export async function assertNotMembersYet(
  tx: Executor,
  memberships: Memberships,
  tenantId: string,
  emails: string[],
): Promise<void> {
  const { table } = memberships;
  const existing = await tx
    .select({ email: table.email })
    .from(table)
    .where(and(eq(memberships.tenantId, tenantId), inArray(table.email, emails)));
  if (existing.length > 0) {
    const taken = `Already a member or invited: ${existing.map((row) => row.email).join(", ")}.`;
    throw new ActionError(taken, { emails: taken });
  }
}

/** An invitation link for each new row. One after the other: a transaction's connection runs one query at a time. */
export async function inviteRows(tx: Executor, memberships: Memberships, created: { id: string; email: string }[]) {
  const invited: { id: string; email: string; token: string }[] = [];
  for (const member of created) {
    const { token } = await createInvitation(tx, member.email, memberships.invitation(member.id));
    invited.push({ ...member, token });
  }
  return invited;
}

/** A new link for a member still invited (a locked row); the links sent before stop working. */
export async function reissueInvitation(
  tx: Executor,
  memberships: Memberships,
  member: { id: string; email: string; status: string },
): Promise<string> {
  if (member.status !== "invited") throw new ActionError("Only pending invitations can be sent again.");
  await retireInvitations(tx, memberships.invitations([member.id]));
  return (await createInvitation(tx, member.email, memberships.invitation(member.id))).token;
}

/** The invited row named by the invitation becomes the caller's, accepted; it is never named by the client. */
export async function acceptRow(tx: Executor, memberships: Memberships, scope: UserScope, memberId: string) {
  const { table } = memberships;
  const { userId } = assertScope(scope);
  const [member] = await tx
    .update(table)
    .set({ userId, status: "accepted" })
    .where(and(eq(table.id, memberId), eq(table.status, "invited")))
    .returning({ id: table.id, tenantId: memberships.tenantId, email: table.email });
  if (!member) throw new ActionError("This invitation was withdrawn.");
  return member;
}

/** Rows of the tenant among `ids`, locked for the change that follows; unknown or foreign ids are refused. */
export async function lockRows<M extends Memberships>(tx: Executor, memberships: M, tenantId: string, ids: string[]) {
  const { table } = memberships;
  const rows = await tx
    .select({ id: table.id, email: table.email, userId: table.userId, type: table.type, status: table.status })
    .from(table)
    .where(and(eq(memberships.tenantId, tenantId), inArray(table.id, ids)))
    .for("update");
  if (rows.length !== ids.length) throw new ActionError("Some of these members no longer exist. Reload the page.");
  return rows as Pick<RowOf<M>, "id" | "email" | "userId" | "type" | "status">[];
}

/** Only members who accepted (and so have a public key) can be confirmed. */
export function assertAccepted(rows: { email: string; status: string }[]): void {
  const notAccepted = rows.filter((row) => row.status !== "accepted");
  if (notAccepted.length > 0) {
    throw new ActionError(
      `Only members who accepted their invitation can be confirmed: ${notAccepted.map((row) => row.email).join(", ")}.`,
    );
  }
}

/** Hands each member their key, wrapped to them by the confirming admin's browser. */
export async function confirmRows(
  tx: Executor,
  memberships: Memberships,
  tenantId: string,
  confirmations: { id: string; key: EncString }[],
): Promise<void> {
  const { table } = memberships;
  for (const { id, key } of confirmations) {
    await tx
      .update(table)
      .set({ status: "confirmed", key })
      .where(and(eq(memberships.tenantId, tenantId), eq(table.id, id)));
  }
}

/** The confirmed members of one role (owners, provider admins), but for `excluding`. */
function confirmedInRole(memberships: Memberships, tenantId: string, role: Row["type"], excluding: string[] = []) {
  const { table } = memberships;
  return and(
    eq(memberships.tenantId, tenantId),
    eq(table.type, role),
    eq(table.status, "confirmed"),
    excluding.length ? notInArray(table.id, excluding) : undefined,
  );
}

/** How many confirmed members of `role` would be left if `excluding` went away. */
export async function countConfirmedInRole(
  tx: Executor,
  memberships: Memberships,
  tenantId: string,
  role: Row["type"],
  excluding: string[],
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships.table)
    .where(confirmedInRole(memberships, tenantId, role, excluding));
  return row?.n ?? 0;
}

/** The addresses of the confirmed members of `role`, to tell them of a change. */
export async function emailsOfConfirmedInRole(
  tx: Executor,
  memberships: Memberships,
  tenantId: string,
  role: Row["type"],
): Promise<string[]> {
  const rows = await tx
    .select({ email: memberships.table.email })
    .from(memberships.table)
    .where(confirmedInRole(memberships, tenantId, role));
  return rows.map((row) => row.email);
}

/** Removes rows of the tenant; the invitation links sent to them stop working. */
export async function deleteRows(tx: Executor, memberships: Memberships, tenantId: string, ids: string[]) {
  await retireInvitations(tx, memberships.invitations(ids));
  await tx.delete(memberships.table).where(and(eq(memberships.tenantId, tenantId), inArray(memberships.table.id, ids)));
}
