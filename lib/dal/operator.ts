import "server-only";
import { asc, count, eq, ilike, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { providerOrganizations, providerPlans, providers } from "@/db/schema";
import { assertScope, type OperatorScope } from "@/lib/authz/scope-brand";
import type { BillingBasis, ProviderStatus } from "@/lib/enums";
import { PROVIDERS_PAGE_SIZE, type ProviderListParams } from "@/lib/validation/operator";
import type { CreateProviderInput } from "@/lib/validation/provider";
import { containsPattern } from "./contains";

/**
 * What the operator pages (/admin) read and write. Operators act on the whole installation, so there is no
 * tenant condition: the operator scope itself is the proof, and every function checks it is a real one.
 */

export type OperatorProviderRow = {
  id: string;
  name: string;
  status: ProviderStatus;
  enabled: boolean;
  clients: number;
  teamsMinimum: number;
  enterpriseMinimum: number;
  billingBasis: BillingBasis;
  createdAt: Date;
};

export type OperatorProviderPage = { rows: OperatorProviderRow[]; total: number };

/**
 * One page of providers, by name, optionally those whose name contains `q`: a single query whatever the number
 * of providers (client counts and plan minimums come from grouped subqueries, the total from a window count).
 * `total` is 0 on a page past the end, as no row carries it there.
 */
export async function listProvidersForOperator(
  scope: OperatorScope,
  { q, page }: ProviderListParams,
): Promise<OperatorProviderPage> {
  assertScope(scope);
  const db = await getDb();
  const clientCounts = db
    .select({ providerId: providerOrganizations.providerId, clients: count().as("clients") })
    .from(providerOrganizations)
    .groupBy(providerOrganizations.providerId)
    .as("client_counts");
  const minimums = db
    .select({
      providerId: providerPlans.providerId,
      teams:
        sql<number>`max(${providerPlans.seatMinimum}) filter (where ${providerPlans.planType} = 'teams_monthly')`.as(
          "teams_minimum",
        ),
      enterprise:
        sql<number>`max(${providerPlans.seatMinimum}) filter (where ${providerPlans.planType} = 'enterprise_monthly')`.as(
          "enterprise_minimum",
        ),
    })
    .from(providerPlans)
    .groupBy(providerPlans.providerId)
    .as("plan_minimums");
  const rows = await db
    .select({
      id: providers.id,
      name: providers.name,
      status: providers.status,
      enabled: providers.enabled,
      createdAt: providers.createdAt,
      clients: sql<number>`coalesce(${clientCounts.clients}, 0)::int`,
      teamsMinimum: sql<number>`coalesce(${minimums.teams}, 0)::int`,
      enterpriseMinimum: sql<number>`coalesce(${minimums.enterprise}, 0)::int`,
      billingBasis: providers.billingBasis,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(providers)
    .leftJoin(clientCounts, eq(clientCounts.providerId, providers.id))
    .leftJoin(minimums, eq(minimums.providerId, providers.id))
    .where(q ? ilike(providers.name, containsPattern(q)) : undefined)
    .orderBy(asc(sql`lower(${providers.name})`), asc(providers.id))
    .limit(PROVIDERS_PAGE_SIZE)
    .offset((page - 1) * PROVIDERS_PAGE_SIZE);
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** The provider's name, locking its row until the transaction ends; null when there is no such provider. */
export async function lockProviderForOperator(
  scope: OperatorScope,
  tx: Executor,
  providerId: string,
): Promise<{ name: string } | null> {
  assertScope(scope);
  const [provider] = await tx
    .select({ name: providers.name })
    .from(providers)
    .where(eq(providers.id, providerId))
    .for("update");
  return provider ?? null;
}

/**
 * Sets both plans' seat minimums. Creates a plan row that is missing (providers made before plans existed), so
 * the minimums the operator sees are always the ones stored.
 */
export async function setProviderPlanMinimums(
  scope: OperatorScope,
  tx: Executor,
  {
    providerId,
    teamsMinimum,
    enterpriseMinimum,
    billingBasis,
  }: { providerId: string; teamsMinimum: number; enterpriseMinimum: number; billingBasis?: BillingBasis },
): Promise<void> {
  assertScope(scope);
  if (billingBasis) await tx.update(providers).set({ billingBasis }).where(eq(providers.id, providerId));
  await tx
    .insert(providerPlans)
    .values([
      { providerId, planType: "teams_monthly", seatMinimum: teamsMinimum },
      { providerId, planType: "enterprise_monthly", seatMinimum: enterpriseMinimum },
    ])
    .onConflictDoUpdate({
      target: [providerPlans.providerId, providerPlans.planType],
      set: { seatMinimum: sql`excluded.seat_minimum` },
    });
}

/**
 * Seats bought above the plan minimum (DESIGN §7): purchased = max(0, allocated − minimum). Allocated seats are
 * kept in step with the clients' seats elsewhere; this only derives purchased seats from them.
 */
export async function recomputePurchasedSeats(scope: OperatorScope, tx: Executor, providerId: string): Promise<void> {
  assertScope(scope);
  await tx
    .update(providerPlans)
    .set({ purchasedSeats: sql`greatest(0, ${providerPlans.allocatedSeats} - ${providerPlans.seatMinimum})` })
    .where(eq(providerPlans.providerId, providerId));
}

/**
 * Enables or disables a provider; null when there is no such provider. Only the provider's flag changes: its
 * clients' effective state is derived from it (requireOrgScope: organization enabled and provider enabled), so
 * disabling disables every client and enabling restores each one exactly as it was.
 */
export async function updateProviderEnabled(
  scope: OperatorScope,
  tx: Executor,
  providerId: string,
  enabled: boolean,
): Promise<{ name: string } | null> {
  assertScope(scope);
  const [provider] = await tx
    .update(providers)
    .set({ enabled })
    .where(eq(providers.id, providerId))
    .returning({ name: providers.name });
  return provider ?? null;
}

/** How many client organizations a provider manages. */
export async function countProviderClients(scope: OperatorScope, tx: Executor, providerId: string): Promise<number> {
  assertScope(scope);
  const [row] = await tx
    .select({ clients: count() })
    .from(providerOrganizations)
    .where(eq(providerOrganizations.providerId, providerId));
  return row?.clients ?? 0;
}

/** A pending provider with its two plans' seat minimums; answers its id. Runs in the caller's transaction. */
export async function insertPendingProvider(
  tx: Executor,
  { name, teamsMinimum, enterpriseMinimum }: Pick<CreateProviderInput, "name" | "teamsMinimum" | "enterpriseMinimum">,
): Promise<string> {
  const [provider] = await tx.insert(providers).values({ name, status: "pending" }).returning({ id: providers.id });
  const providerId = provider!.id;
  await tx.insert(providerPlans).values([
    { providerId, planType: "teams_monthly", seatMinimum: teamsMinimum },
    { providerId, planType: "enterprise_monthly", seatMinimum: enterpriseMinimum },
  ]);
  return providerId;
}
