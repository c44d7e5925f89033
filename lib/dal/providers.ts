import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { organizations, organizationUsers, providers, providerUsers } from "@/db/schema";
import { ActionError } from "@/lib/authz/action";
import { confirmedOwnerRow, ownedUnmanagedOrganizations } from "./clients";
import { assertScope, type ProviderScope, type UserScope } from "@/lib/authz/scope";

export type ProviderSummary = {
  id: string;
  name: string;
  businessName: string | null;
  billingEmail: string | null;
  status: "pending" | "created" | "billable";
  enabled: boolean;
};

/** The provider a scope was issued for (the tenant condition is the scope's own id). */
export async function getProvider(scope: ProviderScope): Promise<ProviderSummary> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  const [provider] = await db
    .select({
      id: providers.id,
      name: providers.name,
      businessName: providers.businessName,
      billingEmail: providers.billingEmail,
      status: providers.status,
      enabled: providers.enabled,
    })
    .from(providers)
    .where(eq(providers.id, providerId));
  if (!provider) throw new Error("scoped provider vanished");
  return provider;
}

export type MyProvider = { id: string; name: string; role: "provider_admin" | "service_user"; status: "invited" | "accepted" | "confirmed"; enabled: boolean };

/** Providers the user belongs to (accepted members wait for confirmation and cannot open them yet). */
export async function listMyProviders(scope: UserScope): Promise<MyProvider[]> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({ id: providers.id, name: providers.name, role: providerUsers.type, status: providerUsers.status, enabled: providers.enabled })
    .from(providerUsers)
    .innerJoin(providers, eq(providers.id, providerUsers.providerId))
    .where(and(eq(providerUsers.userId, userId), inArray(providerUsers.status, ["accepted", "confirmed"])))
    .orderBy(asc(providers.name));
}

/** Renames the provider and sets where its invoices go; the tenant condition is the scope's own id. */
export async function updateProviderSettings(tx: Executor, scope: ProviderScope, settings: { name: string; billingEmail: string }) {
  const { providerId } = assertScope(scope);
  const [before] = await tx.select({ name: providers.name, billingEmail: providers.billingEmail }).from(providers).where(eq(providers.id, providerId)).for("update");
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

/** Organizations the caller owns (confirmed) that are nobody's client nor another provider's internal one: what they may mark. */
export async function listInternalCandidates(scope: ProviderScope): Promise<{ id: string; name: string }[]> {
  const { userId, providerId } = assertScope(scope);
  return ownedUnmanagedOrganizations(
    userId,
    sql`not exists (select 1 from ${providers} where ${providers.internalOrganizationId} = ${organizations.id} and ${providers.id} <> ${providerId})`,
  );
}

/**
 * Marks (or, with null, unmarks) the provider's internal organization. Only an organization the caller owns, that is
 * nobody's client: marking one keeps it from ever being offered or accepted as a client (a trigger guards it too).
 */
export async function setInternalOrganization(tx: Executor, scope: ProviderScope, organizationId: string | null) {
  const { providerId, userId } = assertScope(scope);
  if (organizationId) {
    const [owned] = await tx
      .select({ id: organizationUsers.id })
      .from(organizationUsers)
      .where(and(eq(organizationUsers.organizationId, organizationId), confirmedOwnerRow(userId)));
    if (!owned) throw new ActionError("You can only mark an organization that you own as internal.");
  }
  const [before] = await tx.select({ id: providers.internalOrganizationId }).from(providers).where(eq(providers.id, providerId)).for("update");
  await tx.update(providers).set({ internalOrganizationId: organizationId }).where(eq(providers.id, providerId));
  return { before: before?.id ?? null };
}
