import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organizations, organizationUsers, providerOrganizations, providers } from "@/db/schema";
import { assertScope, type OrganizationScope } from "@/lib/authz/scope";

export type OrganizationSummary = {
  id: string;
  name: string;
  billingEmail: string;
  planType: (typeof organizations.$inferSelect)["planType"];
  seats: number;
  used: number;
  enabled: boolean;
  providerName: string | null;
};

/** The organization a console scope was issued for, with seats in use and its managing provider: one query. */
export async function getOrganization(scope: OrganizationScope): Promise<OrganizationSummary> {
  const { organizationId, organizationEnabled } = assertScope(scope);
  const db = await getDb();
  const [organization] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      billingEmail: organizations.billingEmail,
      planType: organizations.planType,
      seats: organizations.seats,
      used: sql<number>`(select count(*)::int from ${organizationUsers}
        where ${organizationUsers.organizationId} = ${organizations.id} and ${organizationUsers.status} <> 'revoked')`,
      providerName: providers.name,
    })
    .from(organizations)
    .leftJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
    .leftJoin(providers, eq(providers.id, providerOrganizations.providerId))
    .where(eq(organizations.id, organizationId));
  if (!organization) throw new Error("scoped organization vanished");
  return { ...organization, enabled: organizationEnabled };
}
