import "server-only";
import { type SQL, sql, type SQLWrapper } from "drizzle-orm";
import { type Executor, selectRows } from "@/db/client";
import { organizationUsers } from "@/db/schema";

/**
 * Seats in use (DESIGN §7): an organization's members that are not revoked (invited, accepted and confirmed).
 * Provider members are not rows and use none. A subquery, so a list counts every row's seats in its one query:
 * pass `organizations.id` from a query that joins (drizzle leaves columns unqualified in single-table selects, where
 * the id would name the member row instead), or an organization's id.
 */
export function seatsUsedBy(organizationId: SQLWrapper | string): SQL<number> {
  return sql<number>`(select count(*)::int from ${organizationUsers}
    where ${organizationUsers.organizationId} = ${organizationId} and ${organizationUsers.status} <> 'revoked')`;
}

/** Seats in use in one organization, for the checks that add members or lower its seats (callers hold a scope). */
export async function countSeatsInUse(tx: Executor, organizationId: string): Promise<number> {
  const [row] = await selectRows<{ used: number }>(tx, sql`select ${seatsUsedBy(organizationId)} as used`);
  return row?.used ?? 0;
}
