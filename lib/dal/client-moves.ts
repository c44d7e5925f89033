import "server-only";
import { timingSafeEqual } from "node:crypto";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { type Executor, getDb } from "@/db/client";
import { clientMoves, organizations, providerOrganizations, providers } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type OrganizationScope, type ProviderScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import type { ClientMoveStatus } from "@/lib/enums";
import { providerPlanOf } from "@/lib/plans";
import { clientMoveNoticeHours } from "@/lib/server/config";
import { INTERNAL_ORGANIZATION_REFUSAL, lockPlan, providerBillingEmail, refreshPlanAllocation } from "./clients";
import { emailsOfConfirmedInRole, ORGANIZATION_MEMBERSHIPS, PROVIDER_MEMBERSHIPS } from "./membership";
import { assertHoldsProviderKey } from "./provider-members";
import { keepNewClientInReach } from "./provider-scopes";

/**
 * A client's move to another provider (issue 15; the table's comment in db/schema/client-moves.ts tells the key
 * handover). The new provider issues a code; the client's owner enters it; the new provider completes the move,
 * which replaces the old link in one transaction: the old provider's reach, scopes, tags and item grants over the
 * client go with its provider_organizations row, and both plans' seats are recomputed. The old provider is told and
 * cannot stop it; the operator may set a notice period (KEYHOUSE_CLIENT_MOVE_NOTICE_HOURS) before it may complete.
 */

const CODE_DAYS = 7;
const INVALID_CODE =
  "This move code is not valid: it may be mistyped, used, cancelled or expired. Ask the provider for a new one.";

/** What a finished move no longer keeps: the code's secret and the organization key under it. */
const NO_KEY_MATERIAL = { secret: null, transferKey: null } as const;

const isInternalOrganization = sql<boolean>`exists (select 1 from ${providers} p where p.internal_organization_id = ${organizations.id})`;

export type IssuedMoveCode = { moveId: string; expiresAt: string };

/** A new move code of the caller's provider, valid for 7 days; its secret arrives under the provider key. */
export async function issueMoveCode(
  tx: Executor,
  scope: ProviderScope,
  input: { secret: EncString; verifier: string },
): Promise<IssuedMoveCode> {
  assertHoldsProviderKey(scope);
  const { providerId, userId, provider } = assertScope(scope);
  if (!provider.enabled) throw new ActionError("This provider is disabled: it cannot take new clients.");
  const [move] = await tx
    .insert(clientMoves)
    .values({
      toProviderId: providerId,
      issuedByUserId: userId,
      secret: input.secret,
      verifier: input.verifier,
      expiresAt: sql`now() + make_interval(days => ${CODE_DAYS})`,
    })
    .returning({ id: clientMoves.id, expiresAt: clientMoves.expiresAt });
  return { moveId: move!.id, expiresAt: move!.expiresAt.toISOString() };
}

export type ProviderMoveView = {
  id: string;
  status: ClientMoveStatus;
  /** "issued" past its expiry reads as expired. */
  expired: boolean;
  /** The code's secret and the organization key under it: only while the move is open. */
  secret: EncString | null;
  transferKey: EncString | null;
  organizationName: string | null;
  fromProviderName: string | null;
  expiresAt: string;
  claimedAt: string | null;
  /** When the move may complete (the notice period after the code was entered), and whether that time has come. */
  completableAt: string | null;
  completable: boolean;
  createdAt: string;
};

/** The provider's move codes, newest first (the 50 latest; older ones are history in the event log). */
export async function listProviderMoves(scope: ProviderScope): Promise<ProviderMoveView[]> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  const rows = await db
    .select({
      id: clientMoves.id,
      status: clientMoves.status,
      expired: sql<boolean>`${clientMoves.expiresAt} <= now()`,
      secret: clientMoves.secret,
      transferKey: clientMoves.transferKey,
      organizationName: organizations.name,
      fromProviderName: providers.name,
      expiresAt: clientMoves.expiresAt,
      claimedAt: clientMoves.claimedAt,
      createdAt: clientMoves.createdAt,
    })
    .from(clientMoves)
    .leftJoin(organizations, eq(organizations.id, clientMoves.organizationId))
    .leftJoin(providers, eq(providers.id, clientMoves.fromProviderId))
    .where(eq(clientMoves.toProviderId, providerId))
    .orderBy(desc(clientMoves.createdAt))
    .limit(50);
  return rows.map((row) => ({
    ...row,
    expired: row.status === "issued" && row.expired,
    expiresAt: row.expiresAt.toISOString(),
    claimedAt: row.claimedAt?.toISOString() ?? null,
    completableAt: row.claimedAt ? completableAt(row.claimedAt).toISOString() : null,
    completable: row.status === "claimed" && row.claimedAt !== null && completableAt(row.claimedAt) <= new Date(),
    createdAt: row.createdAt.toISOString(),
  }));
}

function completableAt(claimedAt: Date): Date {
  return new Date(claimedAt.getTime() + clientMoveNoticeHours() * 3_600_000);
}

function sameVerifier(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type ClaimedMove = {
  moveId: string;
  organizationName: string;
  toProviderId: string;
  toProviderName: string;
  fromProviderId: string | null;
  fromProviderName: string | null;
  completableAt: string;
};

/**
 * The client's owner enters a move code: the code must be issued, unexpired and whole (its verifier), and name
 * another provider than the current one; the organization must be able to be a client. An unknown, used or
 * mistyped code all get the same answer.
 */
export async function claimMove(
  tx: Executor,
  scope: OrganizationScope,
  input: { moveId: string; verifier: string; transferKey: EncString },
): Promise<ClaimedMove> {
  const { organizationId, userId } = assertScope(scope);
  const [move] = await tx
    .select({
      id: clientMoves.id,
      verifier: clientMoves.verifier,
      toProviderId: clientMoves.toProviderId,
      toProviderName: providers.name,
      toProviderEnabled: providers.enabled,
    })
    .from(clientMoves)
    .innerJoin(providers, eq(providers.id, clientMoves.toProviderId))
    .where(
      and(eq(clientMoves.id, input.moveId), eq(clientMoves.status, "issued"), sql`${clientMoves.expiresAt} > now()`),
    )
    .for("update", { of: clientMoves });
  if (!move || !sameVerifier(input.verifier, move.verifier))
    throw new ActionError(INVALID_CODE, { code: INVALID_CODE });
  if (!move.toProviderEnabled) throw new ActionError("That provider is disabled: it cannot take new clients.");

  const [organization] = await tx
    .select({
      name: organizations.name,
      planType: organizations.planType,
      fromProviderId: providerOrganizations.providerId,
      fromProviderName: providers.name,
      internal: isInternalOrganization,
    })
    .from(organizations)
    .leftJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
    .leftJoin(providers, eq(providers.id, providerOrganizations.providerId))
    .where(eq(organizations.id, organizationId))
    .for("update", { of: organizations });
  if (!organization) notFound();
  if (organization.internal) throw new ActionError(INTERNAL_ORGANIZATION_REFUSAL);
  if (!providerPlanOf(organization.planType))
    throw new ActionError("Only Teams and Enterprise organizations can be a provider's clients.");
  if (organization.fromProviderId === move.toProviderId)
    throw new ActionError(`${move.toProviderName} already manages this organization.`);

  const [claimed] = await tx
    .update(clientMoves)
    .set({
      status: "claimed",
      organizationId,
      fromProviderId: organization.fromProviderId,
      transferKey: input.transferKey,
      claimedByUserId: userId,
      claimedAt: sql`now()`,
    })
    .where(eq(clientMoves.id, move.id))
    .returning({ claimedAt: clientMoves.claimedAt });
  return {
    moveId: move.id,
    organizationName: organization.name,
    toProviderId: move.toProviderId,
    toProviderName: move.toProviderName,
    fromProviderId: organization.fromProviderId,
    fromProviderName: organization.fromProviderName,
    completableAt: completableAt(claimed!.claimedAt!).toISOString(),
  };
}

export type CompletedMove = {
  organizationId: string;
  organizationName: string;
  fromProviderId: string | null;
  providerOrganizationId: string;
};

/**
 * The new provider's admin completes a claimed move with the organization key wrapped by their provider key. One
 * transaction: the old link goes (and with it everything of the old provider over this client), the new one comes,
 * the client bills under the new provider, both plans' seats are recomputed, and the move's key material is dropped.
 */
export async function completeMove(
  tx: Executor,
  scope: ProviderScope,
  input: { moveId: string; key: EncString },
): Promise<CompletedMove> {
  assertHoldsProviderKey(scope);
  const { providerId, userId } = assertScope(scope);
  const move = await lockMove(tx, and(eq(clientMoves.id, input.moveId), eq(clientMoves.toProviderId, providerId)));
  if (move.status === "issued") throw new ActionError("The organization's owner has not entered this code yet.");
  refuseFinished(move.status);
  if (!move.organizationId || !move.claimedAt) notFound();
  const provider = await providerBillingEmail(tx, scope);
  if (!provider.enabled) throw new ActionError("This provider is disabled: it cannot take new clients.");
  const ready = completableAt(move.claimedAt);
  if (ready.getTime() > Date.now())
    throw new ActionError(`The notice period runs until ${ready.toISOString().slice(0, 16).replace("T", " ")} UTC.`);

  // The organization's row first, then its link in a statement of its own, so the link read is the one now current.
  const [organization] = await tx
    .select({ planType: organizations.planType, internal: isInternalOrganization })
    .from(organizations)
    .where(eq(organizations.id, move.organizationId))
    .for("update");
  if (!organization) notFound();
  if (organization.internal) throw new ActionError(INTERNAL_ORGANIZATION_REFUSAL);
  const [current] = await tx
    .select({ providerId: providerOrganizations.providerId })
    .from(providerOrganizations)
    .where(eq(providerOrganizations.organizationId, move.organizationId))
    .for("update");
  // The old provider may have let the client go meanwhile; any other change of provider voids the code.
  const linkedTo = current?.providerId ?? null;
  if (linkedTo !== null && linkedTo !== move.fromProviderId)
    throw new ActionError(
      "The organization's provider changed after its owner entered the code. Cancel this move and issue a new code.",
    );
  const planType = providerPlanOf(organization.planType);
  if (!planType) throw new ActionError("Only Teams and Enterprise organizations can be a provider's clients.");

  // Both plans locked in one order, so two moves in opposite directions cannot wait on each other.
  const plansToLock = [providerId, ...(linkedTo ? [linkedTo] : [])].sort();
  for (const id of plansToLock) await lockPlan(tx, id, planType);
  if (linkedTo)
    await tx.delete(providerOrganizations).where(eq(providerOrganizations.organizationId, move.organizationId));
  const [link] = await tx
    .insert(providerOrganizations)
    .values({ providerId, organizationId: move.organizationId, key: input.key })
    .returning({ id: providerOrganizations.id });
  // The bill goes to the new provider; without its billing email, to the client's owner, never to the old provider.
  const billingEmail =
    provider.billingEmail ?? (linkedTo ? (await organizationOwnerEmails(tx, move.organizationId))[0] : undefined);
  await tx
    .update(organizations)
    .set({ status: "managed", ...(billingEmail ? { billingEmail } : {}) })
    .where(eq(organizations.id, move.organizationId));
  await keepNewClientInReach(tx, scope, link!.id);
  for (const id of plansToLock) await refreshPlanAllocation(tx, id, planType);
  await tx
    .update(clientMoves)
    .set({ status: "completed", completedByUserId: userId, completedAt: sql`now()`, ...NO_KEY_MATERIAL })
    .where(eq(clientMoves.id, input.moveId));
  return {
    organizationId: move.organizationId,
    organizationName: move.organizationName!,
    fromProviderId: linkedTo,
    providerOrganizationId: link!.id,
  };
}

/** A move of the caller's side locked for a change, or a 404. */
async function lockMove(tx: Executor, where: SQL | undefined) {
  const [move] = await tx
    .select({
      id: clientMoves.id,
      status: clientMoves.status,
      organizationId: clientMoves.organizationId,
      toProviderId: clientMoves.toProviderId,
      fromProviderId: clientMoves.fromProviderId,
      claimedAt: clientMoves.claimedAt,
      toProviderName: providers.name,
      organizationName: organizations.name,
    })
    .from(clientMoves)
    .innerJoin(providers, eq(providers.id, clientMoves.toProviderId))
    .leftJoin(organizations, eq(organizations.id, clientMoves.organizationId))
    .where(where)
    .for("update", { of: clientMoves });
  if (!move) notFound();
  return move;
}

/** A finished move is told apart from one never seen: its side gets a clear answer, not a 404. */
function refuseFinished(status: ClientMoveStatus): void {
  if (status === "completed") throw new ActionError("This move is already complete.");
  if (status === "cancelled") throw new ActionError("This move was cancelled.");
}

export type CancelledMove = {
  /** Whether the client's owner had entered the code: then the client and its old provider hear of it. */
  wasClaimed: boolean;
  organizationId: string | null;
  organizationName: string | null;
  toProviderId: string;
  toProviderName: string;
  fromProviderId: string | null;
};

/** The new provider's admin cancels one of its codes (entered or not); 404 for another provider's. */
export async function cancelMoveAsProvider(tx: Executor, scope: ProviderScope, moveId: string): Promise<CancelledMove> {
  const { providerId } = assertScope(scope);
  return cancelWhere(tx, scope.userId, and(eq(clientMoves.id, moveId), eq(clientMoves.toProviderId, providerId)));
}

/** The client's owner cancels the move under way; 404 when none is. */
export async function cancelMoveAsOwner(
  tx: Executor,
  scope: OrganizationScope,
  moveId: string,
): Promise<CancelledMove> {
  const { organizationId } = assertScope(scope);
  return cancelWhere(tx, scope.userId, and(eq(clientMoves.id, moveId), eq(clientMoves.organizationId, organizationId)));
}

async function cancelWhere(tx: Executor, userId: string, where: SQL | undefined): Promise<CancelledMove> {
  const move = await lockMove(tx, where);
  refuseFinished(move.status);
  await tx
    .update(clientMoves)
    .set({ status: "cancelled", cancelledByUserId: userId, cancelledAt: sql`now()`, ...NO_KEY_MATERIAL })
    .where(eq(clientMoves.id, move.id));
  return {
    wasClaimed: move.status === "claimed",
    organizationId: move.organizationId,
    organizationName: move.organizationName,
    toProviderId: move.toProviderId,
    toProviderName: move.toProviderName,
    fromProviderId: move.fromProviderId,
  };
}

export type OrganizationMoveView = {
  id: string;
  toProviderName: string;
  claimedAt: string;
  completableAt: string;
};

/** The move of the organization under way (its owner entered a code), or null. */
export async function getOrganizationMove(scope: OrganizationScope): Promise<OrganizationMoveView | null> {
  const { organizationId } = assertScope(scope);
  const db = await getDb();
  const [row] = await db
    .select({ id: clientMoves.id, toProviderName: providers.name, claimedAt: clientMoves.claimedAt })
    .from(clientMoves)
    .innerJoin(providers, eq(providers.id, clientMoves.toProviderId))
    .where(and(eq(clientMoves.organizationId, organizationId), eq(clientMoves.status, "claimed")));
  if (!row?.claimedAt) return null;
  return {
    id: row.id,
    toProviderName: row.toProviderName,
    claimedAt: row.claimedAt.toISOString(),
    completableAt: completableAt(row.claimedAt).toISOString(),
  };
}

/** Who is told of a move: a provider's confirmed admins. */
export function providerAdminEmails(tx: Executor, providerId: string): Promise<string[]> {
  return emailsOfConfirmedInRole(tx, PROVIDER_MEMBERSHIPS, providerId, "provider_admin");
}

/** Who is told of a move: the organization's confirmed owners. */
export function organizationOwnerEmails(tx: Executor, organizationId: string): Promise<string[]> {
  return emailsOfConfirmedInRole(tx, ORGANIZATION_MEMBERSHIPS, organizationId, "owner");
}

/** Who hears that a move was cancelled: the new provider's admins, and once the code was entered, the client's owners and its provider's admins. */
export async function moveCancelledRecipients(tx: Executor, move: CancelledMove): Promise<string[]> {
  const told = await providerAdminEmails(tx, move.toProviderId);
  if (move.wasClaimed && move.organizationId) told.push(...(await organizationOwnerEmails(tx, move.organizationId)));
  if (move.wasClaimed && move.fromProviderId) told.push(...(await providerAdminEmails(tx, move.fromProviderId)));
  return [...new Set(told)];
}
