import "server-only";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { organizations, providerPlans, providerRequests, providers, providerUsers, users } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type OperatorScope, type ProviderScope, type UserScope } from "@/lib/authz/scope-brand";
import type { OrganizationPlan, ProviderType } from "@/lib/enums";
import type { ProviderRequestInput } from "@/lib/validation/provider-requests";
import { lockEligibleInternalOrganization, lockRequestedInternalOrganization } from "./internal-organizations";

/**
 * "Become a provider" (DESIGN §11): a business's request, seen only by its requester and by operators, and decided
 * by an operator. Approval makes the provider with the requester as its first admin; their browser makes its key.
 */

export type ProviderRequestStatus = (typeof providerRequests.$inferSelect)["status"];

export type MyProviderRequest = {
  id: string;
  businessName: string;
  type: ProviderType;
  billingEmail: string;
  organizationName: string;
  firstClientName: string | null;
  status: ProviderRequestStatus;
  reason: string | null;
  providerId: string | null;
  createdAt: Date;
};

export const ALREADY_DECIDED =
  "This request was already decided or withdrawn. Reload the page to see the current list.";

/** The caller's latest request, if any: the tenant condition is the requester. */
export async function findMyLatestProviderRequest(scope: UserScope): Promise<MyProviderRequest | null> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const [row] = await db
    .select({
      id: providerRequests.id,
      businessName: providerRequests.businessName,
      type: providerRequests.type,
      billingEmail: providerRequests.billingEmail,
      organizationName: organizations.name,
      firstClientName: providerRequests.firstClientName,
      status: providerRequests.status,
      reason: providerRequests.reason,
      providerId: providerRequests.providerId,
      createdAt: providerRequests.createdAt,
    })
    .from(providerRequests)
    .innerJoin(organizations, eq(organizations.id, providerRequests.internalOrganizationId))
    .where(eq(providerRequests.requesterId, userId))
    .orderBy(desc(providerRequests.createdAt))
    .limit(1);
  return row ?? null;
}

/** Records the caller's request; the organization must pass the internal-organization rule now. */
export async function insertProviderRequest(tx: Executor, scope: UserScope, input: ProviderRequestInput) {
  const { userId, emailVerified } = assertScope(scope);
  if (!emailVerified)
    throw new ActionError("Verify your email address in Settings first: an operator needs to know it is yours.");
  const organization = await lockEligibleInternalOrganization(tx, scope, input.internalOrganizationId);
  const [request] = await tx
    .insert(providerRequests)
    .values({ requesterId: userId, ...input, internalOrganizationId: organization.id })
    .returning({ id: providerRequests.id });
  return { requestId: request!.id, organization };
}

/** The caller withdraws their own pending request. */
export async function withdrawProviderRequest(tx: Executor, scope: UserScope, requestId: string) {
  const { userId } = assertScope(scope);
  const [request] = await tx
    .update(providerRequests)
    .set({ status: "withdrawn", decidedAt: new Date() })
    .where(
      and(
        eq(providerRequests.id, requestId),
        eq(providerRequests.requesterId, userId),
        eq(providerRequests.status, "pending"),
      ),
    )
    .returning({ id: providerRequests.id, organizationId: providerRequests.internalOrganizationId });
  if (!request) throw new ActionError(ALREADY_DECIDED);
  return request;
}

export type PendingProviderRequest = {
  id: string;
  businessName: string;
  type: ProviderType;
  billingEmail: string;
  firstClientName: string | null;
  requesterName: string;
  requesterEmail: string;
  organizationId: string;
  organizationName: string;
  organizationPlan: OrganizationPlan;
  organizationSeats: number | null;
  createdAt: Date;
};

/** How many pending requests the operator pages show at once, oldest first. */
export const PENDING_REQUESTS_SHOWN = 50;

/** The oldest pending requests and how many are pending in all: for operators (the page and the command line). */
export async function pendingProviderRequests(
  executor: Executor,
): Promise<{ rows: PendingProviderRequest[]; total: number }> {
  const rows = await executor
    .select({
      id: providerRequests.id,
      businessName: providerRequests.businessName,
      type: providerRequests.type,
      billingEmail: providerRequests.billingEmail,
      firstClientName: providerRequests.firstClientName,
      requesterName: users.name,
      requesterEmail: users.email,
      organizationId: organizations.id,
      organizationName: organizations.name,
      organizationPlan: organizations.planType,
      organizationSeats: organizations.seats,
      createdAt: providerRequests.createdAt,
    })
    .from(providerRequests)
    .innerJoin(users, eq(users.id, providerRequests.requesterId))
    .innerJoin(organizations, eq(organizations.id, providerRequests.internalOrganizationId))
    .where(eq(providerRequests.status, "pending"))
    .orderBy(asc(providerRequests.createdAt), asc(providerRequests.id))
    .limit(PENDING_REQUESTS_SHOWN);
  const [total] = await executor
    .select({ n: count() })
    .from(providerRequests)
    .where(eq(providerRequests.status, "pending"));
  return { rows, total: total?.n ?? 0 };
}

/** The /admin page's list: operators act on the whole installation, so the scope itself is the proof. */
export async function listPendingProviderRequests(scope: OperatorScope) {
  assertScope(scope);
  return pendingProviderRequests(await getDb());
}

/** How many requests are pending, for the operator navigation: one count on the status index. */
export async function countPendingProviderRequests(scope: OperatorScope): Promise<number> {
  assertScope(scope);
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(providerRequests).where(eq(providerRequests.status, "pending"));
  return row?.n ?? 0;
}

/** Locks a pending request for its decision, with its requester's address; refuses one already decided. */
async function lockPendingRequest(tx: Executor, requestId: string) {
  const [request] = await tx
    .select({
      id: providerRequests.id,
      requesterId: providerRequests.requesterId,
      requesterEmail: users.email,
      businessName: providerRequests.businessName,
      type: providerRequests.type,
      billingEmail: providerRequests.billingEmail,
      internalOrganizationId: providerRequests.internalOrganizationId,
    })
    .from(providerRequests)
    .innerJoin(users, eq(users.id, providerRequests.requesterId))
    .where(and(eq(providerRequests.id, requestId), eq(providerRequests.status, "pending")))
    .for("update", { of: providerRequests });
  if (!request) throw new ActionError(ALREADY_DECIDED);
  return request;
}

/**
 * Approves a pending request: the provider is made (status `created`, the organization marked internal) with the
 * requester as its first admin, confirmed but without the provider key until their browser makes it. The
 * organization passes the rule again: it may have changed hands or become a client since the request.
 * Scope-less, as is the rejection: operators' work, which lib/operator runs for /admin and the command line.
 */
export async function approvePendingRequest(tx: Executor, requestId: string) {
  const request = await lockPendingRequest(tx, requestId);
  const organization = await lockRequestedInternalOrganization(tx, request.requesterId, request.internalOrganizationId);
  const [provider] = await tx
    .insert(providers)
    .values({
      name: request.businessName,
      businessName: request.businessName,
      billingEmail: request.billingEmail,
      type: request.type,
      status: "created",
      internalOrganizationId: organization.id,
    })
    .returning({ id: providers.id });
  const providerId = provider!.id;
  await tx.insert(providerPlans).values([
    { providerId, planType: "teams_monthly" },
    { providerId, planType: "enterprise_monthly" },
  ]);
  const [admin] = await tx
    .insert(providerUsers)
    .values({
      providerId,
      userId: request.requesterId,
      email: request.requesterEmail,
      type: "provider_admin",
      status: "confirmed",
      key: null,
    })
    .returning({ id: providerUsers.id });
  await tx
    .update(providerRequests)
    .set({ status: "approved", decidedAt: new Date(), providerId })
    .where(eq(providerRequests.id, request.id));
  return { ...request, providerId, providerUserId: admin!.id, organization };
}

/** Rejects a pending request with the reason the requester is told. */
export async function rejectPendingRequest(tx: Executor, requestId: string, reason: string) {
  const request = await lockPendingRequest(tx, requestId);
  await tx
    .update(providerRequests)
    .set({ status: "rejected", reason, decidedAt: new Date() })
    .where(eq(providerRequests.id, request.id));
  return request;
}

/** The first client's name a request offered, for the provider it became (prefills "New client"). */
export async function requestedFirstClientName(scope: ProviderScope): Promise<string | null> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  const [row] = await db
    .select({ name: providerRequests.firstClientName })
    .from(providerRequests)
    .where(and(eq(providerRequests.providerId, providerId), eq(providerRequests.status, "approved")));
  return row?.name ?? null;
}
