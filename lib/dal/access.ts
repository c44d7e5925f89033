import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { organizations, organizationUsers, providerOrganizations, providers, providerUsers, users } from "@/db/schema";
import { callerVoucher, type CallerClaims, sessionUserColumns } from "./accounts";
import { clientInReach } from "./client-reach";

/**
 * The membership lookups behind lib/authz/scope.ts and proxy.ts. These are the only DAL reads that take raw tenant
 * ids: they are how a scope is earned. Each is one statement that checks the caller's session (as findSessionUser
 * does) and joins the tenant to the caller's confirmed membership, so a gate costs one read per request. No row
 * means the session is not good (signed out); a row without a membership means "not yours" (a 404).
 */

/** The signed-in user and their confirmed membership of the provider, with the provider's summary. */
export async function findProviderAccess(claims: CallerClaims, providerId: string) {
  const db = await getDb();
  const voucher = callerVoucher(claims);
  const [row] = await db
    .select({
      user: sessionUserColumns,
      provider: {
        id: providers.id,
        name: providers.name,
        businessName: providers.businessName,
        billingEmail: providers.billingEmail,
        status: providers.status,
        enabled: providers.enabled,
      },
      providerUserId: providerUsers.id,
      role: providerUsers.type,
      holdsKey: sql<boolean>`${providerUsers.key} is not null`,
    })
    .from(users)
    .innerJoin(voucher.table, voucher.condition)
    .leftJoin(
      providerUsers,
      and(
        eq(providerUsers.userId, users.id),
        eq(providerUsers.providerId, providerId),
        eq(providerUsers.status, "confirmed"),
      ),
    )
    .leftJoin(providers, eq(providers.id, providerUsers.providerId));
  if (!row) return null;
  const { user, provider, providerUserId, role, holdsKey } = row;
  return {
    user,
    membership: provider && providerUserId && role ? { provider, providerUserId, role, holdsKey } : null,
  };
}

/**
 * The signed-in user and their ways into an organization: as a confirmed member, and/or as a confirmed member of its
 * provider whose reach includes it (a service user scoped to other clients has no way in). `organization` is null
 * when there is no such organization.
 */
export async function findOrganizationAccess(claims: CallerClaims, organizationId: string) {
  const db = await getDb();
  const managingProviderUser = alias(providerUsers, "managing_provider_user");
  const voucher = callerVoucher(claims);
  const [row] = await db
    .select({
      user: sessionUserColumns,
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
    .from(users)
    .innerJoin(voucher.table, voucher.condition)
    .leftJoin(organizations, eq(organizations.id, organizationId))
    .leftJoin(
      organizationUsers,
      and(
        eq(organizationUsers.organizationId, organizations.id),
        eq(organizationUsers.userId, users.id),
        eq(organizationUsers.status, "confirmed"),
      ),
    )
    .leftJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
    .leftJoin(providers, eq(providers.id, providerOrganizations.providerId))
    .leftJoin(
      managingProviderUser,
      and(
        eq(managingProviderUser.providerId, providerOrganizations.providerId),
        eq(managingProviderUser.userId, users.id),
        eq(managingProviderUser.status, "confirmed"),
        clientInReach(managingProviderUser.id, providerOrganizations.id),
      ),
    );
  if (!row) return null;
  const { user, organizationId: id, organizationEnabled, ...ways } = row;
  return {
    user,
    organization:
      id !== null && organizationEnabled !== null ? { ...ways, organizationId: id, organizationEnabled } : null,
  };
}
