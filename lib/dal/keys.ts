import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organizations, organizationUsers, providerOrganizations, providers, providerUsers, users } from "@/db/schema";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import type { KeyMaterial } from "@/lib/vault/key-material";
import { kdfColumns } from "./accounts";
import { clientReachedBy } from "./client-reach";

/** Everything the keyring needs, in four queries whatever the number of memberships. */
export async function getKeyMaterial(scope: UserScope): Promise<KeyMaterial> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const [account] = await db
    .select({
      email: users.email,
      name: users.name,
      ...kdfColumns,
      key: users.key,
      publicKey: users.publicKey,
      privateKey: users.privateKey,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!account) throw new Error("signed-in user has no account row");
  const memberOrganizations = await db
    .select({ id: organizations.id, name: organizations.name, key: organizationUsers.key })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .where(
      and(
        eq(organizationUsers.userId, userId),
        eq(organizationUsers.status, "confirmed"),
        isNotNull(organizationUsers.key),
      ),
    );
  const memberProviders = await db
    .select({ id: providers.id, name: providers.name, key: providerUsers.key })
    .from(providerUsers)
    .innerJoin(providers, eq(providers.id, providerUsers.providerId))
    .where(and(eq(providerUsers.userId, userId), eq(providerUsers.status, "confirmed"), isNotNull(providerUsers.key)));
  const providerIds = memberProviders.map((provider) => provider.id);
  const clients = providerIds.length
    ? await db
        .select({
          providerId: providerOrganizations.providerId,
          organizationId: providerOrganizations.organizationId,
          key: providerOrganizations.key,
        })
        .from(providerOrganizations)
        .where(and(inArray(providerOrganizations.providerId, providerIds), clientReachedBy(userId)))
    : [];
  return {
    userId,
    ...account,
    organizations: memberOrganizations.map((org) => ({ ...org, key: org.key! })),
    providers: memberProviders.map((provider) => ({ ...provider, key: provider.key! })),
    providerOrganizations: clients,
  };
}
