import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { type Executor, getDb } from "@/db/client";
import {
  organizations,
  policies,
  providerBaselineClients,
  providerBaselineGroups,
  providerBaselinePolicies,
  providerBaselines,
  providerClientGroupClients,
  providerOrganizations,
} from "@/db/schema";
import { assertScope, type ProviderScope } from "@/lib/authz/scope-brand";
import { POLICY_TYPES, type PolicyType } from "@/lib/enums";
import {
  type BaselinePolicies,
  type ClientDrift,
  type ClientPolicy,
  clientDrift,
  needsBaseline,
  strictestPolicyData,
} from "@/lib/policies/baseline";
import { type PolicyDataMap, policyDataOf, type PolicyState } from "@/lib/policies/types";
import type { BaselinePolicyInput, BaselineTargetInput } from "@/lib/validation/baselines";
import { clientInReach, qualified } from "./client-reach";
import { clientLinks, lockGroups, type MemberReach } from "./provider-scopes";

/**
 * A provider's policy baseline (lib/policies/baseline.ts): which policies its clients should have and how strict, which
 * clients it covers, how each covered client in the caller's reach compares, and applying it. Every client change is
 * a policy change in that client, recorded in its log with the provider's name.
 */

export type Baseline = {
  /** Every policy type, `enabled` meaning the baseline holds it (with these options). */
  policies: PolicyState[];
  target: MemberReach;
  /** Null until the baseline is first saved. */
  updatedAt: Date | null;
};

/** The policies the baseline holds, by type. */
export function baselinePoliciesOf(baseline: Baseline): BaselinePolicies {
  return Object.fromEntries(
    baseline.policies.filter((policy) => policy.enabled).map((policy) => [policy.type, policy.data]),
  );
}

export async function getBaseline(scope: ProviderScope): Promise<Baseline> {
  return readBaseline(await getDb(), assertScope(scope).providerId);
}

/** The baseline in one statement, on the pool or inside a transaction that locked it. */
async function readBaseline(executor: Executor, providerId: string): Promise<Baseline> {
  const [row] = await executor
    .select({
      allClients: providerBaselines.allClients,
      updatedAt: providerBaselines.updatedAt,
      clientIds: sql<string[]>`array(select client.organization_id from ${providerBaselineClients} chosen
        join ${providerOrganizations} client on client.id = chosen.provider_organization_id
        where chosen.provider_id = ${qualified(providerBaselines.providerId)})`,
      groupIds: sql<string[]>`array(select chosen.group_id from ${providerBaselineGroups} chosen
        where chosen.provider_id = ${qualified(providerBaselines.providerId)})`,
      held: sql<{ type: PolicyType; data: unknown }[]>`coalesce((select json_agg(json_build_object('type', held.type,
        'data', held.data)) from ${providerBaselinePolicies} held
        where held.provider_id = ${qualified(providerBaselines.providerId)}), '[]')`,
    })
    .from(providerBaselines)
    .where(eq(providerBaselines.providerId, providerId));
  return {
    policies: POLICY_TYPES.map((type) => {
      const held = row?.held.find((candidate) => candidate.type === type);
      return { id: null, type, enabled: held !== undefined, data: policyDataOf(type, held?.data) } as PolicyState;
    }),
    target: {
      allClients: row?.allClients ?? true,
      clientIds: row?.clientIds ?? [],
      groupIds: row?.groupIds ?? [],
    },
    updatedAt: row?.updatedAt ?? null,
  };
}

/** The provider's baseline row, made on first save (covering every client) and locked for this transaction. */
async function lockBaseline(tx: Executor, providerId: string): Promise<void> {
  await tx.insert(providerBaselines).values({ providerId }).onConflictDoNothing();
  await tx
    .select({ providerId: providerBaselines.providerId })
    .from(providerBaselines)
    .where(eq(providerBaselines.providerId, providerId))
    .for("update");
}

/** Puts a policy in the baseline with its options, or takes it out. */
export async function saveBaselinePolicy(tx: Executor, scope: ProviderScope, input: BaselinePolicyInput) {
  const { providerId } = assertScope(scope);
  await lockBaseline(tx, providerId);
  await tx.update(providerBaselines).set({ updatedAt: new Date() }).where(eq(providerBaselines.providerId, providerId));
  const where = and(eq(providerBaselinePolicies.providerId, providerId), eq(providerBaselinePolicies.type, input.type));
  if (!input.enabled) {
    await tx.delete(providerBaselinePolicies).where(where);
    return;
  }
  const data = input.data as Record<string, unknown> | null;
  await tx
    .insert(providerBaselinePolicies)
    .values({ providerId, type: input.type, data })
    .onConflictDoUpdate({
      target: [providerBaselinePolicies.providerId, providerBaselinePolicies.type],
      set: { data },
    });
}

/** Sets which clients the baseline covers; every id must be this provider's (a 404 otherwise, before any write). */
export async function setBaselineTarget(tx: Executor, scope: ProviderScope, input: BaselineTargetInput) {
  const { providerId } = assertScope(scope);
  const links = input.allClients ? [] : await clientLinks(tx, scope, input.clientIds);
  const groups = input.allClients ? [] : await lockGroups(tx, scope, input.groupIds);
  await lockBaseline(tx, providerId);
  await tx
    .update(providerBaselines)
    .set({ allClients: input.allClients, updatedAt: new Date() })
    .where(eq(providerBaselines.providerId, providerId));
  await tx.delete(providerBaselineClients).where(eq(providerBaselineClients.providerId, providerId));
  await tx.delete(providerBaselineGroups).where(eq(providerBaselineGroups.providerId, providerId));
  if (links.length > 0)
    await tx
      .insert(providerBaselineClients)
      .values(links.map((providerOrganizationId) => ({ providerId, providerOrganizationId })));
  if (groups.length > 0)
    await tx.insert(providerBaselineGroups).values(groups.map((group) => ({ providerId, groupId: group.id })));
  return { allClients: input.allClients, clients: links.length, groups: groups.length };
}

/** Whether the outer query's provider_organizations row is covered by its provider's baseline (a SQL condition). */
function coveredByBaseline(): SQL<boolean> {
  const link = qualified(providerOrganizations.id);
  return sql<boolean>`exists (select 1 from ${providerBaselines} covering
    where covering.provider_id = ${qualified(providerOrganizations.providerId)} and (covering.all_clients
      or exists (select 1 from ${providerBaselineClients} named
        where named.provider_id = covering.provider_id and named.provider_organization_id = ${link})
      or exists (select 1 from ${providerBaselineGroups} named_group
        join ${providerClientGroupClients} tag on tag.group_id = named_group.group_id
        where named_group.provider_id = covering.provider_id and tag.provider_organization_id = ${link})))`;
}

export type BaselineClient = { organizationId: string; name: string; drift: ClientDrift };

/** The covered clients in the caller's reach (or that one), by name, each with its policies: a few rows per client. */
function coveredClients(executor: Executor, scope: ProviderScope, organizationId?: string) {
  const { providerId, providerUserId } = scope;
  return executor
    .select({
      organizationId: organizations.id,
      name: organizations.name,
      policies: sql<Partial<Record<PolicyType, ClientPolicy>>>`coalesce((select json_object_agg(held.type,
        json_build_object('enabled', held.enabled, 'data', held.data)) from ${policies} held
        where held.organization_id = ${qualified(organizations.id)}), '{}')`,
    })
    .from(providerOrganizations)
    .innerJoin(organizations, eq(organizations.id, providerOrganizations.organizationId))
    .where(
      and(
        eq(providerOrganizations.providerId, providerId),
        organizationId ? eq(organizations.id, organizationId) : undefined,
        clientInReach(providerUserId, providerOrganizations.id),
        coveredByBaseline(),
      ),
    )
    .orderBy(organizations.name, organizations.id);
}

/** How each covered client in the caller's reach compares with the baseline, by name: two statements at any size. */
export async function listBaselineDrift(
  scope: ProviderScope,
): Promise<{ baseline: Baseline; clients: BaselineClient[] }> {
  assertScope(scope);
  const db = await getDb();
  const baseline = await getBaseline(scope);
  const held = baselinePoliciesOf(baseline);
  const rows = baseline.updatedAt ? await coveredClients(db, scope) : [];
  const clients = rows.map((row) => ({
    organizationId: row.organizationId,
    name: row.name,
    drift: clientDrift(held, row.policies),
  }));
  return { baseline, clients };
}

/** One policy the baseline wrote in a client: for its event, and for two-step login's revocations. */
export type BaselineChange = { organizationId: string; type: PolicyType; policyId: string; wasOn: boolean };

/**
 * Applies the baseline to one covered client in reach (a 404 for any other), or to every covered client in reach that
 * drifted: each missing or weaker policy is turned on with the stricter of the two options, what the client made
 * stricter stays. The baseline's row and the clients' organization rows are locked first, so two applications (or an
 * application and a change of the baseline) run one after the other.
 */
export async function applyBaseline(
  tx: Executor,
  scope: ProviderScope,
  organizationId: string | undefined,
): Promise<BaselineChange[]> {
  const { providerId } = assertScope(scope);
  await lockBaseline(tx, providerId);
  const baseline = baselinePoliciesOf(await readBaseline(tx, providerId));
  const clients = await coveredClients(tx, scope, organizationId).for("update", { of: organizations });
  if (organizationId && clients.length === 0) notFound();
  const writes: { organizationId: string; type: PolicyType; enabled: true; data: Record<string, unknown> | null }[] =
    [];
  for (const client of clients) {
    const drift = clientDrift(baseline, client.policies);
    if (!needsBaseline(drift)) continue;
    for (const [type, state] of Object.entries(drift.byType) as [PolicyType, string][]) {
      if (state !== "missing" && state !== "weaker") continue;
      const data = strictestPolicyData(type, baseline[type] as PolicyDataMap[PolicyType], client.policies[type]);
      writes.push({
        organizationId: client.organizationId,
        type,
        enabled: true,
        data: data as Record<string, unknown>,
      });
    }
  }
  if (writes.length === 0) return [];
  const saved = await tx
    .insert(policies)
    .values(writes)
    .onConflictDoUpdate({
      target: [policies.organizationId, policies.type],
      set: { enabled: true, data: sql`excluded.data`, updatedAt: new Date() },
    })
    .returning({ id: policies.id, organizationId: policies.organizationId, type: policies.type });
  return saved.map((row) => {
    const before = clients.find((client) => client.organizationId === row.organizationId)!.policies[row.type];
    return { organizationId: row.organizationId, type: row.type, policyId: row.id, wasOn: before?.enabled === true };
  });
}
