import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { organizations, providers, providerUsers } from "@/db/schema";
import { internalOrganizationChoices, lockEligibleInternalOrganization } from "./internal-organizations";
import { assertScope, type ProviderScope, type UserScope } from "@/lib/authz/scope-brand";
import type { ProviderMemberStatus, ProviderRole } from "@/lib/enums";

export type MyProvider = {
  id: string;
  name: string;
  role: ProviderRole;
  status: ProviderMemberStatus;
  enabled: boolean;
};

/** Providers the user belongs to (accepted members wait for confirmation and cannot open them yet). */
export async function listMyProviders(scope: UserScope): Promise<MyProvider[]> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({
      id: providers.id,
      name: providers.name,
      role: providerUsers.type,
      status: providerUsers.status,
      enabled: providers.enabled,
    })
    .from(providerUsers)
    .innerJoin(providers, eq(providers.id, providerUsers.providerId))
    .where(and(eq(providerUsers.userId, userId), inArray(providerUsers.status, ["accepted", "confirmed"])))
    .orderBy(asc(providers.name));
}

/** Renames the provider and sets where its invoices go; the tenant condition is the scope's own id. */
export async function updateProviderSettings(
  tx: Executor,
  scope: ProviderScope,
  settings: { name: string; billingEmail: string },
) {
  const { providerId } = assertScope(scope);
  const [before] = await tx
    .select({ name: providers.name, billingEmail: providers.billingEmail })
    .from(providers)
    .where(eq(providers.id, providerId))
    .for("update");
  await tx.update(providers).set(settings).where(eq(providers.id, providerId));
  return before!;
}

/** The provider's internal organization (its own vault, never a client), if it marked one. */
export async function getInternalOrganization(scope: ProviderScope): Promise<{ id: string; name: string } | null> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(providers)
    .innerJoin(organizations, eq(organizations.id, providers.internalOrganizationId))
    .where(eq(providers.id, providerId));
  return row ?? null;
}

/** Organizations the caller may make the provider's internal one (lib/dal/internal-organizations.ts has the rule). */
export async function listInternalCandidates(scope: ProviderScope): Promise<{ id: string; name: string }[]> {
  const choices = await internalOrganizationChoices(scope);
  return choices.filter((choice) => choice.problem === null).map(({ id, name }) => ({ id, name }));
}

/**
 * Marks (or, with null, unmarks) the provider's internal organization: only an Enterprise organization the caller
 * owns, that is nobody's client; marking one keeps it from ever being offered or accepted as a client (a trigger
 * guards it too).
 */
export async function setInternalOrganization(tx: Executor, scope: ProviderScope, organizationId: string | null) {
  const { providerId } = assertScope(scope);
  if (organizationId) await lockEligibleInternalOrganization(tx, scope, organizationId);
  const [before] = await tx
    .select({ id: providers.internalOrganizationId })
    .from(providers)
    .where(eq(providers.id, providerId))
    .for("update");
  await tx.update(providers).set({ internalOrganizationId: organizationId }).where(eq(providers.id, providerId));
  return { before: before?.id ?? null };
}
