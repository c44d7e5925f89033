import "server-only";
import { and, eq, type SQL, sql, type SQLWrapper } from "drizzle-orm";
import { type Executor, selectRows } from "@/db/client";
import { organizations, organizationUsers, providerOrganizations } from "@/db/schema";
import { assertScope, type OrganizationScope, type ProviderScope } from "@/lib/authz/scope-brand";

/**
 * Seats in use (DESIGN §7): an organization's members that are not revoked (invited, accepted and confirmed).
 * Provider members are not rows and use none. A subquery, so a list counts every row's seats in its one query:
 * pass `organizations.id` from a query that joins (drizzle leaves columns unqualified in single-table selects, where
 * the id would name the member row instead), or an organization's id as a parameter.
 */
export function seatsUsedBy(organization: SQLWrapper): SQL<number> {
  return sql<number>`(select count(*)::int from ${organizationUsers}
    where ${organizationUsers.organizationId} = ${organization} and ${organizationUsers.status} <> 'revoked')`;
}

/** Seats in use in the scope's organization, for the checks that add or restore members. */
export async function countSeatsInUse(tx: Executor, scope: OrganizationScope): Promise<number> {
  const { organizationId } = assertScope(scope);
  const [row] = await selectRows<{ used: number }>(tx, sql`select ${seatsUsedBy(sql`${organizationId}`)} as used`);
  return row?.used ?? 0;
}

/** Seats in use in a client of the scope's provider, for the check that lowers its seats. */
export async function countClientSeatsInUse(tx: Executor, scope: ProviderScope, organizationId: string) {
  const { providerId } = assertScope(scope);
  const [row] = await tx
    .select({ used: seatsUsedBy(organizations.id) })
    .from(providerOrganizations)
    .innerJoin(organizations, eq(organizations.id, providerOrganizations.organizationId))
    .where(
      and(eq(providerOrganizations.providerId, providerId), eq(providerOrganizations.organizationId, organizationId)),
    );
  return row?.used ?? 0;
}
