import "server-only";
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb, selectRows } from "@/db/client";
import {
  collections,
  collectionUsers,
  organizations,
  organizationUsers,
  providerOrganizations,
  providerPlans,
  providers,
} from "@/db/schema";
import { notFound } from "next/navigation";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type ProviderScope, type UserScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import { type OrganizationPlan, PROVIDER_PLANS, type ProviderPlan } from "@/lib/enums";
import { organizationPlansOf, providerPlanOf } from "@/lib/plans";
import type { CreateClientInput } from "@/lib/validation/clients";
import { clientInReach } from "./client-reach";
import { createInvitation } from "./invitations";
import { countClientSeatsInUse, seatsUsedBy } from "./seats";
import { assertHoldsProviderKey, includesProviderMembers } from "./provider-members";
import { keepNewClientInReach } from "./provider-scopes";
import { containsPattern } from "./contains";

/** Told when a client would make a provider member its owner (DESIGN §11: provider members stay providers). */
export const PROVIDER_MEMBER_AS_OWNER =
  "A member of this provider cannot be a client's owner: provider members manage clients through the provider. Invite the client's own contact.";
export const INTERNAL_ORGANIZATION_REFUSAL = "A provider's internal organization cannot be a client.";

export type ClientRow = {
  id: string;
  name: string;
  planType: OrganizationPlan;
  assigned: number;
  used: number;
  /** Members who accepted their invitation and wait for someone to confirm them (hand them the key). */
  needsConfirmation: number;
  enabled: boolean;
};

export const CLIENTS_PAGE_SIZE = 50;

/**
 * One page of the clients table with its total, in one statement whatever the number of clients. The provider's
 * clients within the caller's reach are taken first (so a search reads only them), seats are counted for the page's rows alone (not for every
 * row an OFFSET skips), and the total comes with a page past the end too. `only` narrows it to one client (the API's
 * read of a client: none when it is out of reach).
 */
export async function listClients(
  scope: ProviderScope,
  { search, page, only }: { search: string; page: number; only?: string },
) {
  const { providerId, providerUserId } = assertScope(scope);
  const db = await getDb();
  const nameMatches = search ? sql`and ${organizations.name} ilike ${containsPattern(search)}` : sql``;
  const theOne = only ? sql`and ${organizations.id} = ${only}` : sql``;
  const rows = await selectRows<Partial<ClientRow> & { total: number }>(
    db,
    sql`with matching as materialized (
        select ${organizations.id} as id, ${organizations.name} as name, ${organizations.planType} as plan_type,
          ${organizations.seats} as seats, ${organizations.enabled} as enabled
        from ${providerOrganizations} join ${organizations} on ${organizations.id} = ${providerOrganizations.organizationId}
        where ${providerOrganizations.providerId} = ${providerId}
          and ${clientInReach(providerUserId, providerOrganizations.id)} ${nameMatches} ${theOne}
      ), page as (
        select * from matching order by name, id limit ${CLIENTS_PAGE_SIZE} offset ${(page - 1) * CLIENTS_PAGE_SIZE}
      )
      select (select count(*)::int from matching) as total, page.id, page.name, page.plan_type as "planType",
        page.seats as assigned, ${seatsUsedBy(sql`page.id`)} as used,
        ${awaitingConfirmation(sql`page.id`)} as "needsConfirmation", page.enabled
      from (select 1) as one left join page on true
      order by page.name, page.id`,
  );
  const clients = rows.filter((row): row is ClientRow & { total: number } => row.id != null);
  return { clients: clients.map(({ total: _total, ...client }) => client), total: rows[0]?.total ?? 0 };
}

/** Accepted members of an organization, counted from their partial index alone (organization_users_accepted_idx). */
function awaitingConfirmation(organization: SQL): SQL<number> {
  return sql<number>`(select count(*)::int from ${organizationUsers}
    where ${organizationUsers.organizationId} = ${organization} and ${organizationUsers.status} = 'accepted')`;
}

/**
 * Locks the provider's plan row, serialising every seat change on that plan, and reports what a change would buy.
 * Allocated seats are recomputed from the clients rather than incremented, so they cannot drift.
 */
export async function lockPlan(tx: Executor, providerId: string, plan: ProviderPlan) {
  const [row] = await tx
    .select({ seatMinimum: providerPlans.seatMinimum, allocated: providerPlans.allocatedSeats })
    .from(providerPlans)
    .where(and(eq(providerPlans.providerId, providerId), eq(providerPlans.planType, plan)))
    .for("update");
  if (row) return row;
  // A provider made before its plans existed gets an empty plan row on first use.
  await tx.insert(providerPlans).values({ providerId, planType: plan }).onConflictDoNothing();
  return lockPlan(tx, providerId, plan);
}

/** Recomputes a provider plan's allocated and purchased seats from its clients (after any seat or client change). */
export async function refreshPlanAllocation(tx: Executor, providerId: string, plan: ProviderPlan): Promise<void> {
  const allocated = sql<number>`coalesce((select sum(${organizations.seats})::int from ${providerOrganizations}
      join ${organizations} on ${organizations.id} = ${providerOrganizations.organizationId}
      where ${providerOrganizations.providerId} = ${providerId} and ${inArray(organizations.planType, organizationPlansOf(plan))}), 0)`;
  await tx
    .update(providerPlans)
    .set({ allocatedSeats: allocated, purchasedSeats: sql`greatest(0, ${allocated} - ${providerPlans.seatMinimum})` })
    .where(and(eq(providerPlans.providerId, providerId), eq(providerPlans.planType, plan)));
}

/** Seats bought above the minimum if `allocated` seats were assigned on a plan with this minimum. */
function purchasedAbove(minimum: number, allocated: number): number {
  return Math.max(0, allocated - minimum);
}

/** The provider's billing email and whether it is enabled, read in the transaction (not from the scope's snapshot). */
export async function providerBillingEmail(
  tx: Executor,
  scope: ProviderScope,
): Promise<{ billingEmail: string | null; enabled: boolean }> {
  const { providerId } = assertScope(scope);
  const [row] = await tx
    .select({ billingEmail: providers.billingEmail, enabled: providers.enabled })
    .from(providers)
    .where(eq(providers.id, providerId));
  return row ?? { billingEmail: null, enabled: false };
}

const DISABLED = "This provider is disabled: new clients and seats cannot be added.";

/** A service user may not make the provider buy seats above a plan's minimum (DESIGN §6). */
function assertServiceUserMayBuy(scope: ProviderScope, minimum: number, before: number, after: number): void {
  if (scope.role === "service_user" && purchasedAbove(minimum, after) > purchasedAbove(minimum, before)) {
    throw new ActionError(`Only a provider admin can assign seats beyond the plan's minimum of ${minimum}.`, {
      seats: `Only a provider admin can assign seats beyond the plan's minimum of ${minimum}.`,
    });
  }
}

export async function createClient(tx: Executor, scope: ProviderScope, input: CreateClientInput) {
  assertHoldsProviderKey(scope);
  const { providerId } = assertScope(scope);
  const provider = await providerBillingEmail(tx, scope);
  if (!provider.enabled) throw new ActionError(DISABLED);
  const plan = await lockPlan(tx, providerId, input.planType);
  assertServiceUserMayBuy(scope, plan.seatMinimum, plan.allocated, plan.allocated + input.seats);
  if (await includesProviderMembers(tx, providerId, { emails: [input.ownerEmail] })) {
    throw new ActionError(PROVIDER_MEMBER_AS_OWNER, { ownerEmail: PROVIDER_MEMBER_AS_OWNER });
  }
  const [organization] = await tx
    .insert(organizations)
    .values({
      name: input.name,
      billingEmail: provider.billingEmail ?? input.ownerEmail,
      planType: input.planType,
      seats: input.seats,
      status: "managed",
      publicKey: input.publicKey,
      privateKey: input.privateKey,
    })
    .returning({ id: organizations.id });
  const organizationId = organization!.id;
  const [link] = await tx
    .insert(providerOrganizations)
    .values({ providerId, organizationId, key: input.key })
    .returning({ id: providerOrganizations.id });
  const [collection] = await tx
    .insert(collections)
    .values({ organizationId, name: input.collectionName })
    .returning({ id: collections.id });
  const [owner] = await tx
    .insert(organizationUsers)
    .values({ organizationId, email: input.ownerEmail, type: "owner", status: "invited" })
    .returning({ id: organizationUsers.id });
  await tx
    .insert(collectionUsers)
    .values({ organizationId, collectionId: collection!.id, organizationUserId: owner!.id, manage: true });
  const { token } = await createInvitation(tx, input.ownerEmail, {
    kind: "organization_user",
    organizationUserId: owner!.id,
  });
  await keepNewClientInReach(tx, scope, link!.id);
  await refreshPlanAllocation(tx, providerId, input.planType);
  return { organizationId, providerOrganizationId: link!.id, ownerId: owner!.id, token };
}

/** The client's row, locked, if it belongs to this provider and is within the caller's reach (else a 404). */
async function lockClient(tx: Executor, scope: ProviderScope, organizationId: string) {
  const { providerId, providerUserId } = assertScope(scope);
  const [client] = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      seats: organizations.seats,
      planType: organizations.planType,
      providerOrganizationId: providerOrganizations.id,
    })
    .from(providerOrganizations)
    .innerJoin(organizations, eq(organizations.id, providerOrganizations.organizationId))
    .where(
      and(
        eq(providerOrganizations.providerId, providerId),
        eq(providerOrganizations.organizationId, organizationId),
        clientInReach(providerUserId, providerOrganizations.id),
      ),
    )
    .for("update", { of: organizations });
  if (!client) notFound();
  return client;
}

export async function updateClient(
  tx: Executor,
  scope: ProviderScope,
  organizationId: string,
  requested: { name?: string; seats?: number },
) {
  const { providerId } = assertScope(scope);
  const before = await lockClient(tx, scope, organizationId);
  // What the change leaves out stays as the locked row has it (the API may send the name or the seats alone).
  const change = { name: requested.name ?? before.name, seats: requested.seats ?? before.seats };
  const planType = providerPlanOf(before.planType);
  const plan = planType ? await lockPlan(tx, providerId, planType) : null;
  if (change.seats > before.seats) {
    const provider = await providerBillingEmail(tx, scope);
    if (!provider.enabled) throw new ActionError(DISABLED);
  }
  if (plan)
    assertServiceUserMayBuy(scope, plan.seatMinimum, plan.allocated, plan.allocated - before.seats + change.seats);
  const used = await countClientSeatsInUse(tx, scope, organizationId);
  if (change.seats < used) {
    const message = `Assigned seats cannot be fewer than the ${used} seats in use.`;
    throw new ActionError(message, { seats: message });
  }
  await tx.update(organizations).set({ name: change.name, seats: change.seats }).where(eq(organizations.id, before.id));
  if (planType) await refreshPlanAllocation(tx, providerId, planType);
  return { before, after: change, providerOrganizationId: before.providerOrganizationId };
}

/**
 * Removes a client from the provider. It needs a confirmed Owner of its own, who then receives its bills
 * (Bitwarden's rule), and it stops counting against the provider's plan. Deleting its provider link deletes the
 * service users' assignments to it and its client-group tags in the same statement (foreign keys, migration 0014).
 */
export async function unlinkClient(tx: Executor, scope: ProviderScope, organizationId: string) {
  const { providerId } = assertScope(scope);
  const client = await lockClient(tx, scope, organizationId);
  const [owner] = await tx
    .select({ email: organizationUsers.email })
    .from(organizationUsers)
    .where(
      and(
        eq(organizationUsers.organizationId, organizationId),
        eq(organizationUsers.type, "owner"),
        eq(organizationUsers.status, "confirmed"),
      ),
    )
    .orderBy(asc(organizationUsers.createdAt))
    .limit(1);
  if (!owner)
    throw new ActionError(
      "This client has no confirmed owner yet. Confirm an owner before removing it from the provider.",
    );
  await tx.delete(providerOrganizations).where(eq(providerOrganizations.id, client.providerOrganizationId));
  await tx
    .update(organizations)
    .set({ status: "created", billingEmail: owner.email })
    .where(eq(organizations.id, organizationId));
  const planType = providerPlanOf(client.planType);
  if (planType) await refreshPlanAllocation(tx, providerId, planType);
  return client;
}

/**
 * The membership rows that make `userId` a confirmed Owner of their organization: a condition, not a query. Its
 * callers take the user from their scope, or from the locked request an operator approves.
 */
export function confirmedOwnerRow(userId: string): SQL {
  return and(
    eq(organizationUsers.userId, userId),
    eq(organizationUsers.type, "owner"),
    eq(organizationUsers.status, "confirmed"),
  )!;
}

/** Organizations the user owns (confirmed) that no provider manages as a client, narrowed by `conditions`. */
async function ownedUnmanagedOrganizations(executor: Executor, userId: string, ...conditions: SQL[]) {
  return executor
    .select({
      id: organizations.id,
      name: organizations.name,
      planType: organizations.planType,
      seats: organizations.seats,
    })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .leftJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
    .where(and(confirmedOwnerRow(userId), isNull(providerOrganizations.id), ...conditions))
    .orderBy(asc(organizations.name));
}

/** Candidates to add as clients: owned, unmanaged, on a paid plan, and no provider's internal organization. */
export async function listAddableOrganizations(executor: Executor, scope: UserScope | ProviderScope) {
  const { userId } = assertScope(scope);
  const notInternal = sql`not exists (select 1 from ${providers} where ${providers.internalOrganizationId} = ${organizations.id})`;
  return ownedUnmanagedOrganizations(
    executor,
    userId,
    notInternal,
    inArray(organizations.planType, PROVIDER_PLANS.flatMap(organizationPlansOf)),
  );
}

/** Adds an organization the caller owns as a client; the caller's browser wrapped its key with the provider key. */
export async function addExistingClient(tx: Executor, scope: ProviderScope, organizationId: string, key: EncString) {
  assertHoldsProviderKey(scope);
  const { providerId, userId } = assertScope(scope);
  const provider = await providerBillingEmail(tx, scope);
  if (!provider.enabled) throw new ActionError(DISABLED);
  const [organization] = await tx
    .select({
      id: organizations.id,
      planType: organizations.planType,
      seats: organizations.seats,
      name: organizations.name,
    })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .where(and(eq(organizationUsers.organizationId, organizationId), confirmedOwnerRow(userId)))
    .for("update", { of: organizations });
  if (!organization) throw new ActionError("You can only add organizations that you own.");
  const [internal] = await tx
    .select({ id: providers.id })
    .from(providers)
    .where(eq(providers.internalOrganizationId, organizationId));
  if (internal) throw new ActionError(INTERNAL_ORGANIZATION_REFUSAL);
  const planType = providerPlanOf(organization.planType);
  if (!planType) throw new ActionError("Only Teams and Enterprise organizations can become clients.");
  await lockPlan(tx, providerId, planType);
  const [link] = await tx
    .insert(providerOrganizations)
    .values({ providerId, organizationId, key })
    .returning({ id: providerOrganizations.id });
  await tx
    .update(organizations)
    .set({ status: "managed", ...(provider.billingEmail ? { billingEmail: provider.billingEmail } : {}) })
    .where(eq(organizations.id, organizationId));
  await keepNewClientInReach(tx, scope, link!.id);
  await refreshPlanAllocation(tx, providerId, planType);
  return { organization, providerOrganizationId: link!.id };
}

/** The provider's link to a client it manages within the caller's reach (for the "console opened" event), or a 404. */
export async function findClientLink(executor: Executor, scope: ProviderScope, organizationId: string) {
  const { providerId, providerUserId } = assertScope(scope);
  const [link] = await executor
    .select({ id: providerOrganizations.id })
    .from(providerOrganizations)
    .where(
      and(
        eq(providerOrganizations.providerId, providerId),
        eq(providerOrganizations.organizationId, organizationId),
        clientInReach(providerUserId, providerOrganizations.id),
      ),
    );
  if (!link) notFound();
  return link;
}
