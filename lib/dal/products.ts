import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organizations, organizationUsers, providers, providerUsers } from "@/db/schema";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import { isOperator } from "@/lib/authz/access-rules";

export type ProductLinks = {
  /** Organizations whose Admin Console the user may open as a confirmed Owner, Admin or Custom member. */
  organizations: { id: string; name: string }[];
  providers: { id: string; name: string }[];
  /** Whether the user runs this installation (a verified address in ADMIN_EMAILS): the switcher then links to /admin. */
  operator: boolean;
};

/** What the product switcher lists: two queries whatever the number of memberships. */
export async function listProducts(scope: UserScope): Promise<ProductLinks> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const consoleOrganizations = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .where(
      and(
        eq(organizationUsers.userId, userId),
        eq(organizationUsers.status, "confirmed"),
        inArray(organizationUsers.type, ["owner", "admin", "custom"]),
      ),
    )
    .orderBy(asc(organizations.name));
  const memberProviders = await db
    .select({ id: providers.id, name: providers.name })
    .from(providerUsers)
    .innerJoin(providers, eq(providers.id, providerUsers.providerId))
    .where(and(eq(providerUsers.userId, userId), eq(providerUsers.status, "confirmed")))
    .orderBy(asc(providers.name));
  return { organizations: consoleOrganizations, providers: memberProviders, operator: isOperator(scope) };
}
