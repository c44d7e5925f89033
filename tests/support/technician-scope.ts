import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  providerClientGroupClients,
  providerClientGroups,
  providerOrganizations,
  providerUserClientGroups,
  providerUserClients,
  providerUsers,
} from "@/db/schema";
import { FAKE_ENC_4 } from "./fakes";

/** A confirmed service user of the provider (placeholder key), reaching all clients until scoped. */
export async function addServiceUser(providerId: string, user: { id: string; email: string }): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(providerUsers)
    .values({
      providerId,
      userId: user.id,
      email: user.email,
      type: "service_user",
      status: "confirmed",
      key: FAKE_ENC_4,
    })
    .returning({ id: providerUsers.id });
  return row!.id;
}

async function linksOf(providerId: string, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: providerOrganizations.id })
    .from(providerOrganizations)
    .where(
      and(
        eq(providerOrganizations.providerId, providerId),
        inArray(providerOrganizations.organizationId, organizationIds),
      ),
    );
  return rows.map((row) => row.id);
}

/** A client group of the provider tagging these clients, straight in the database. */
export async function addClientGroup(providerId: string, name: string, organizationIds: string[]): Promise<string> {
  const db = await getDb();
  const [group] = await db
    .insert(providerClientGroups)
    .values({ providerId, name })
    .returning({ id: providerClientGroups.id });
  const links = await linksOf(providerId, organizationIds);
  if (links.length > 0)
    await db
      .insert(providerClientGroupClients)
      .values(links.map((link) => ({ providerId, groupId: group!.id, providerOrganizationId: link })));
  return group!.id;
}

/** Scopes a member to these clients and groups, straight in the database (the Members page's dialog does it in the app). */
export async function scopeMember(
  providerId: string,
  providerUserId: string,
  { clients = [], groups = [] }: { clients?: string[]; groups?: string[] },
): Promise<void> {
  const db = await getDb();
  await db.update(providerUsers).set({ accessAllClients: false }).where(eq(providerUsers.id, providerUserId));
  const links = await linksOf(providerId, clients);
  if (links.length > 0)
    await db
      .insert(providerUserClients)
      .values(links.map((link) => ({ providerId, providerUserId, providerOrganizationId: link })));
  if (groups.length > 0)
    await db
      .insert(providerUserClientGroups)
      .values(groups.map((groupId) => ({ providerId, providerUserId, groupId })));
}
