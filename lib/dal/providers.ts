import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { providers, providerUsers } from "@/db/schema";
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
