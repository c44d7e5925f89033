import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { organizations, organizationUsers, providerOrganizations, providers, providerUsers } from "@/db/schema";

/**
 * The membership lookups behind lib/authz/scope.ts. These are the only DAL reads that take raw tenant ids: they
 * are how a scope is earned. Each is one statement that joins the tenant to the caller's confirmed membership.
 */

export async function findProviderMembership(userId: string, providerId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      providerId: providers.id,
      providerEnabled: providers.enabled,
      providerStatus: providers.status,
      providerUserId: providerUsers.id,
      role: providerUsers.type,
      holdsKey: sql<boolean>`${providerUsers.key} is not null`,
    })
    .from(providers)
    .innerJoin(
      providerUsers,
      and(
        eq(providerUsers.providerId, providers.id),
        eq(providerUsers.userId, userId),
        eq(providerUsers.status, "confirmed"),
      ),
    )
    .where(eq(providers.id, providerId));
  return row ?? null;
}

/** The caller's ways into an organization: as a confirmed member, and/or as a confirmed member of its provider. */
export async function findOrganizationAccess(userId: string, organizationId: string) {
  const db = await getDb();
  const managingProviderUser = alias(providerUsers, "managing_provider_user");
  const [row] = await db
    .select({
      organizationId: organizations.id,
      organizationEnabled: organizations.enabled,
      memberId: organizationUsers.id,
      memberRole: organizationUsers.type,
      memberPermissions: organizationUsers.permissions,
      providerId: providerOrganizations.providerId,
      providerEnabled: providers.enabled,
      providerUserId: managingProviderUser.id,
      providerRole: managingProviderUser.type,
    })
    .from(organizations)
    .leftJoin(
      organizationUsers,
      and(
        eq(organizationUsers.organizationId, organizations.id),
        eq(organizationUsers.userId, userId),
        eq(organizationUsers.status, "confirmed"),
      ),
    )
    .leftJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
    .leftJoin(providers, eq(providers.id, providerOrganizations.providerId))
    .leftJoin(
      managingProviderUser,
      and(
        eq(managingProviderUser.providerId, providerOrganizations.providerId),
        eq(managingProviderUser.userId, userId),
        eq(managingProviderUser.status, "confirmed"),
      ),
    )
    .where(eq(organizations.id, organizationId));
  return row ?? null;
}
