import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { providerOrganizations, providers, providerUsers, users } from "@/db/schema";
import { assertScope, type OrganizationScope } from "@/lib/authz/scope-brand";
import type { ProviderAccessLevel } from "@/lib/enums";
import { clientInReach, qualified } from "./client-reach";
import { grantInForce } from "./provider-access";

/**
 * The client's view of the provider that manages it (issue 15): who the provider is and who among its members can
 * reach this organization, and why, so the client's owners and admins see what Bitwarden leaves implicit ("all
 * provider members reach all clients"). Reach is the one statement of ./client-reach.ts; item access is a grant in
 * force (./provider-access.ts).
 */

/** Why a provider member reaches the client: an admin, a technician of all clients, or named in their scope. */
export type ProviderReachBasis = "admin" | "all_clients" | "scoped";

export type ProviderReacher = {
  email: string;
  name: string | null;
  basis: ProviderReachBasis;
  /** For a scoped technician: whether the client is named directly, and the client groups through which it is. */
  direct: boolean;
  groups: string[];
  /** A grant in force to read (or edit) the client's items, and until when. */
  itemAccess: { access: ProviderAccessLevel; until: string } | null;
};

export type ClientProvider = {
  providerName: string;
  billingEmail: string | null;
  managedSince: string;
  reachers: ProviderReacher[];
};

/** The managing provider and its confirmed members who reach the client (two statements); null without a provider. */
export async function getClientProvider(scope: OrganizationScope): Promise<ClientProvider | null> {
  const { organizationId } = assertScope(scope);
  const db = await getDb();
  const [link] = await db
    .select({
      id: providerOrganizations.id,
      providerId: providers.id,
      providerName: providers.name,
      billingEmail: providers.billingEmail,
      managedSince: providerOrganizations.createdAt,
    })
    .from(providerOrganizations)
    .innerJoin(providers, eq(providers.id, providerOrganizations.providerId))
    .where(eq(providerOrganizations.organizationId, organizationId));
  if (!link) return null;

  const member = qualified(providerUsers.id);
  const rows = await db
    .select({
      email: providerUsers.email,
      name: users.name,
      type: providerUsers.type,
      allClients: providerUsers.accessAllClients,
      direct: sql<boolean>`exists (select 1 from provider_user_clients named
        where named.provider_user_id = ${member} and named.provider_organization_id = ${link.id})`,
      groups: sql<string[]>`array(select tag_group.name from provider_user_client_groups member_group
        join provider_client_group_clients tag on tag.group_id = member_group.group_id
          and tag.provider_organization_id = ${link.id}
        join provider_client_groups tag_group on tag_group.id = member_group.group_id
        where member_group.provider_user_id = ${member} order by tag_group.name)`,
      grant: sql<{ access: ProviderAccessLevel; until: string } | null>`(select json_build_object(
          'access', g.granted_access, 'until', to_char(g.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        from provider_access_requests g
        where g.provider_user_id = ${member} and g.provider_organization_id = ${link.id} and ${grantInForce("g")}
        order by g.expires_at desc limit 1)`,
    })
    .from(providerUsers)
    .leftJoin(users, eq(users.id, providerUsers.userId))
    .where(
      and(
        eq(providerUsers.providerId, link.providerId),
        eq(providerUsers.status, "confirmed"),
        clientInReach(providerUsers.id, sql`${link.id}::uuid`),
      ),
    )
    .orderBy(asc(providerUsers.type), asc(providerUsers.email));

  return {
    providerName: link.providerName,
    billingEmail: link.billingEmail,
    managedSince: link.managedSince.toISOString(),
    reachers: rows.map((row) => ({
      email: row.email,
      name: row.name,
      basis: row.type === "provider_admin" ? "admin" : row.allClients ? "all_clients" : "scoped",
      direct: row.direct,
      groups: row.groups,
      itemAccess: row.grant,
    })),
  };
}
