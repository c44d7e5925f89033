import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
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

/** What the product switcher lists: one query whatever the number of memberships (every page's layout runs it). */
export async function listProducts(scope: UserScope): Promise<ProductLinks> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const consoleOrganizations = db
    .select({ kind: sql<Product>`'organization'`.as("kind"), id: organizations.id, name: organizations.name })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .where(
      and(
        eq(organizationUsers.userId, userId),
        eq(organizationUsers.status, "confirmed"),
        inArray(organizationUsers.type, ["owner", "admin", "custom"]),
      ),
    );
  const memberProviders = db
    .select({ kind: sql<Product>`'provider'`.as("kind"), id: providers.id, name: providers.name })
    .from(providerUsers)
    .innerJoin(providers, eq(providers.id, providerUsers.providerId))
    .where(and(eq(providerUsers.userId, userId), eq(providerUsers.status, "confirmed")));
  const rows = await unionAll(consoleOrganizations, memberProviders).orderBy(asc(sql`name`), asc(sql`id`));
  const linksOf = (kind: Product) => rows.filter((row) => row.kind === kind).map(({ id, name }) => ({ id, name }));
  return { organizations: linksOf("organization"), providers: linksOf("provider"), operator: isOperator(scope) };
}

type Product = "organization" | "provider";
