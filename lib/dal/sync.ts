import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  organizations,
  organizationUsers,
  policies,
  providerOrganizations,
  providers,
  providerUsers,
  users,
} from "@/db/schema";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import { kdfColumns } from "./accounts";
import { clientReachedBy } from "./client-reach";
import { listVaultItems } from "./items";

/** Memberships that see an organization in the apps: invited ones have no account to sync yet. */
const SYNCED_MEMBER_STATUSES = ["revoked", "accepted", "confirmed"] as const;

const organizationColumns = {
  id: organizations.id,
  name: organizations.name,
  planType: organizations.planType,
  seats: organizations.seats,
  enabled: organizations.enabled,
  useGroups: organizations.useGroups,
  usePolicies: organizations.usePolicies,
  useEvents: organizations.useEvents,
  useTotp: organizations.useTotp,
};

const managingProvider = {
  providerId: providers.id,
  providerName: providers.name,
  providerType: providers.type,
  providerEnabled: providers.enabled,
};

/**
 * Everything an official app's sync returns for the caller (DESIGN §12), in a fixed number of queries whatever the
 * number of memberships, clients or items. Provider members get their clients' keys and details, and their items only
 * under a grant in force (./provider-access.ts).
 */
export async function getSyncData(scope: UserScope) {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const [[account], memberships, providerMemberships, clients, organizationPolicies, vault] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        emailVerified: users.emailVerified,
        ...kdfColumns,
        key: users.key,
        publicKey: users.publicKey,
        privateKey: users.privateKey,
        securityStamp: users.securityStamp,
        userKeyId: users.userKeyId,
        twoFactorEnabled: sql<boolean>`${users.twoFactorEnabledAt} is not null`,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(eq(users.id, userId)),
    db
      .select({
        ...organizationColumns,
        organizationUserId: organizationUsers.id,
        role: organizationUsers.type,
        status: organizationUsers.status,
        permissions: organizationUsers.permissions,
        key: organizationUsers.key,
        ...managingProvider,
      })
      .from(organizationUsers)
      .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
      .leftJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
      .leftJoin(providers, eq(providers.id, providerOrganizations.providerId))
      .where(and(eq(organizationUsers.userId, userId), inArray(organizationUsers.status, SYNCED_MEMBER_STATUSES))),
    db
      .select({
        id: providers.id,
        name: providers.name,
        type: providers.type,
        status: providers.status,
        enabled: providers.enabled,
        useEvents: providers.useEvents,
        role: providerUsers.type,
        memberStatus: providerUsers.status,
        key: providerUsers.key,
      })
      .from(providerUsers)
      .innerJoin(providers, eq(providers.id, providerUsers.providerId))
      .where(and(eq(providerUsers.userId, userId), inArray(providerUsers.status, ["accepted", "confirmed"]))),
    db
      .select({ ...organizationColumns, key: providerOrganizations.key, ...managingProvider })
      .from(providerOrganizations)
      .innerJoin(organizations, eq(organizations.id, providerOrganizations.organizationId))
      .innerJoin(providers, eq(providers.id, providerOrganizations.providerId))
      .where(clientReachedBy(userId)),
    db
      .select({
        id: policies.id,
        organizationId: policies.organizationId,
        type: policies.type,
        data: policies.data,
        enabled: policies.enabled,
        updatedAt: policies.updatedAt,
      })
      .from(policies)
      .innerJoin(organizationUsers, eq(organizationUsers.organizationId, policies.organizationId))
      .where(
        and(
          eq(organizationUsers.userId, userId),
          inArray(organizationUsers.status, ["accepted", "confirmed"]),
          eq(policies.enabled, true),
        ),
      ),
    listVaultItems(scope),
  ]);
  if (!account) throw new Error("signed-in user has no account row");
  return { account, memberships, providerMemberships, clients, policies: organizationPolicies, ...vault };
}

export type SyncData = Awaited<ReturnType<typeof getSyncData>>;
