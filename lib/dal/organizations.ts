import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { cache } from "react";
import { type Executor, getDb } from "@/db/client";
import {
  collections,
  collectionUsers,
  organizations,
  organizationUsers,
  providerOrganizations,
  providers,
} from "@/db/schema";
import { assertScope, type OrganizationScope, type UserScope } from "@/lib/authz/scope-brand";
import type { CreateOrganizationInput } from "@/lib/validation/organizations";
import { seatsUsedBy } from "./seats";

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

/**
 * The organization a console scope was issued for, with seats in use and its managing provider: one query per
 * request, however many of the layout and page ask (their scopes differ by permission, not by organization).
 */
export async function getOrganization(scope: OrganizationScope): Promise<OrganizationSummary> {
  const { organizationId, organizationEnabled } = assertScope(scope);
  return { ...(await organizationSummary(organizationId)), enabled: organizationEnabled };
}

/** Only for getOrganization, after its scope check. */
const organizationSummary = cache(async (organizationId: string) => {
  const db = await getDb();
  const [organization] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      billingEmail: organizations.billingEmail,
      planType: organizations.planType,
      seats: organizations.seats,
      used: seatsUsedBy(organizations.id),
      providerName: providers.name,
    })
    .from(organizations)
    .leftJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
    .leftJoin(providers, eq(providers.id, providerOrganizations.providerId))
    .where(eq(organizations.id, organizationId));
  if (!organization) throw new Error("scoped organization vanished");
  return organization;
});

/** Creates an organization whose creator becomes its confirmed owner, with a default collection they manage. */
export async function createOrganization(tx: Executor, scope: UserScope, input: CreateOrganizationInput) {
  const { userId, email } = assertScope(scope);
  const [organization] = await tx
    .insert(organizations)
    .values({
      name: input.name,
      billingEmail: input.billingEmail,
      planType: input.planType,
      seats: input.seats,
      status: "created",
      publicKey: input.publicKey,
      privateKey: input.privateKey,
    })
    .returning({ id: organizations.id });
  const organizationId = organization!.id;
  const [owner] = await tx
    .insert(organizationUsers)
    .values({ organizationId, userId, email, type: "owner", status: "confirmed", key: input.ownerKey })
    .returning({ id: organizationUsers.id });
  const [collection] = await tx
    .insert(collections)
    .values({ organizationId, name: input.collectionName })
    .returning({ id: collections.id });
  await tx
    .insert(collectionUsers)
    .values({ organizationId, collectionId: collection!.id, organizationUserId: owner!.id, manage: true });
  return { organizationId, ownerId: owner!.id };
}

/** The organizations whose items the user may hold (confirmed memberships), for the vault's filters. */
export async function listMemberOrganizations(scope: UserScope): Promise<{ id: string; name: string }[]> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .where(and(eq(organizationUsers.userId, userId), eq(organizationUsers.status, "confirmed")))
    .orderBy(asc(organizations.name));
}
