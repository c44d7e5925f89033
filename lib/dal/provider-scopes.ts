import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { type Executor, getDb } from "@/db/client";
import {
  organizations,
  providerClientGroupClients,
  providerClientGroups,
  providerOrganizations,
  providerUserClientGroups,
  providerUserClients,
  providerUsers,
} from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type ProviderScope } from "@/lib/authz/scope-brand";
import type { ClientAccessInput } from "@/lib/validation/provider-scopes";
import { qualified } from "./client-reach";
import { lockProviderMembers } from "./provider-members";

/**
 * Provider admins' side of technician scope (DESIGN §13): who reaches which clients, and the provider's client
 * groups. The reach itself is decided in SQL by ./client-reach.ts; this module only writes and lists its rows.
 */

/** A member's reach as the Members page shows and edits it: organization ids of chosen clients, and group ids. */
export type MemberReach = { allClients: boolean; clientIds: string[]; groupIds: string[] };

/** Counts for the event log: what a change did, without a list that grows with the provider. */
export type ReachSummary = { allClients: boolean; clients: number; groups: number };

export type ClientChoice = { id: string; name: string };

export type ClientGroup = { id: string; name: string; clientIds: string[] };

/** The reach of every member of the provider, by member id: one query whatever the number of members or clients. */
export async function listMemberReach(scope: ProviderScope): Promise<Record<string, MemberReach>> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  const rows = await db
    .select({
      id: providerUsers.id,
      allClients: sql<boolean>`${providerUsers.type} = 'provider_admin' or ${providerUsers.accessAllClients}`,
      // The outer row's id named with its table (./client-reach.ts): bare, these subqueries would read their own.
      clientIds: sql<string[]>`array(select client.organization_id from ${providerUserClients} chosen
        join ${providerOrganizations} client on client.id = chosen.provider_organization_id
        where chosen.provider_user_id = ${qualified(providerUsers.id)})`,
      groupIds: sql<string[]>`array(select chosen.group_id from ${providerUserClientGroups} chosen
        where chosen.provider_user_id = ${qualified(providerUsers.id)})`,
    })
    .from(providerUsers)
    .where(eq(providerUsers.providerId, providerId));
  return Object.fromEntries(rows.map(({ id, ...reach }) => [id, reach]));
}

/** Every client of the provider, by name, for the pickers (ids and names only: one small row each). */
export async function listClientChoices(scope: ProviderScope): Promise<ClientChoice[]> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(providerOrganizations)
    .innerJoin(organizations, eq(organizations.id, providerOrganizations.organizationId))
    .where(eq(providerOrganizations.providerId, providerId))
    .orderBy(asc(organizations.name), asc(organizations.id));
}

/** The provider's client groups with their clients' organization ids, by name. */
export async function listClientGroups(scope: ProviderScope): Promise<ClientGroup[]> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({
      id: providerClientGroups.id,
      name: providerClientGroups.name,
      clientIds: sql<string[]>`array(select client.organization_id from ${providerClientGroupClients} tag
        join ${providerOrganizations} client on client.id = tag.provider_organization_id
        where tag.group_id = ${qualified(providerClientGroups.id)})`,
    })
    .from(providerClientGroups)
    .where(eq(providerClientGroups.providerId, providerId))
    .orderBy(asc(sql`lower(${providerClientGroups.name})`), asc(providerClientGroups.id));
}

/** The provider's links to these organizations; an id that is not this provider's client is a 404. */
export async function clientLinks(tx: Executor, scope: ProviderScope, organizationIds: string[]): Promise<string[]> {
  const { providerId } = assertScope(scope);
  if (organizationIds.length === 0) return [];
  const rows = await tx
    .select({ id: providerOrganizations.id })
    .from(providerOrganizations)
    .where(
      and(
        eq(providerOrganizations.providerId, providerId),
        inArray(providerOrganizations.organizationId, organizationIds),
      ),
    );
  if (rows.length !== organizationIds.length) notFound();
  return rows.map((row) => row.id);
}

/** These groups of the provider, locked; an id that is not this provider's group is a 404. */
export async function lockGroups(tx: Executor, scope: ProviderScope, groupIds: string[]) {
  const { providerId } = assertScope(scope);
  if (groupIds.length === 0) return [];
  const rows = await tx
    .select({ id: providerClientGroups.id, name: providerClientGroups.name })
    .from(providerClientGroups)
    .where(and(eq(providerClientGroups.providerId, providerId), inArray(providerClientGroups.id, groupIds)))
    .for("update");
  if (rows.length !== groupIds.length) notFound();
  return rows;
}

async function summarizeReach(tx: Executor, providerUserId: string, allClients: boolean): Promise<ReachSummary> {
  const [clients] = await tx
    .select({ n: count() })
    .from(providerUserClients)
    .where(eq(providerUserClients.providerUserId, providerUserId));
  const [groups] = await tx
    .select({ n: count() })
    .from(providerUserClientGroups)
    .where(eq(providerUserClientGroups.providerUserId, providerUserId));
  return { allClients, clients: clients?.n ?? 0, groups: groups?.n ?? 0 };
}

export const ADMINS_REACH_ALL = "Provider admins always reach every client. Change their role first.";

/**
 * Sets which clients a service user reaches. "All clients" clears the chosen lists; otherwise they are replaced.
 * Every id must be this provider's (a 404 otherwise, before anything is written).
 */
export async function setMemberReach(tx: Executor, scope: ProviderScope, input: ClientAccessInput) {
  const { providerId } = assertScope(scope);
  const [member] = await lockProviderMembers(tx, scope, [input.memberId]);
  if (member!.type === "provider_admin") throw new ActionError(ADMINS_REACH_ALL);
  const links = input.allClients ? [] : await clientLinks(tx, scope, input.clientIds);
  const groups = input.allClients ? [] : await lockGroups(tx, scope, input.groupIds);
  const [current] = await tx
    .select({ allClients: providerUsers.accessAllClients })
    .from(providerUsers)
    .where(eq(providerUsers.id, member!.id));
  const before = await summarizeReach(tx, member!.id, current!.allClients);
  await tx
    .update(providerUsers)
    .set({ accessAllClients: input.allClients })
    .where(and(eq(providerUsers.providerId, providerId), eq(providerUsers.id, member!.id)));
  await tx.delete(providerUserClients).where(eq(providerUserClients.providerUserId, member!.id));
  await tx.delete(providerUserClientGroups).where(eq(providerUserClientGroups.providerUserId, member!.id));
  if (links.length > 0)
    await tx
      .insert(providerUserClients)
      .values(links.map((link) => ({ providerId, providerUserId: member!.id, providerOrganizationId: link })));
  if (groups.length > 0)
    await tx
      .insert(providerUserClientGroups)
      .values(groups.map((group) => ({ providerId, providerUserId: member!.id, groupId: group.id })));
  const after: ReachSummary = { allClients: input.allClients, clients: links.length, groups: groups.length };
  return { member: member!, before, after };
}

/**
 * A client created or added by a service user with chosen clients joins their own list in the same transaction,
 * so its creator keeps reaching it (DESIGN §13). Provider admins and "all clients" members need nothing.
 */
export async function keepNewClientInReach(tx: Executor, scope: ProviderScope, providerOrganizationId: string) {
  const { providerId, providerUserId } = assertScope(scope);
  await tx.insert(providerUserClients).select(
    tx
      .select({
        providerId: providerUsers.providerId,
        providerUserId: providerUsers.id,
        providerOrganizationId: sql<string>`${providerOrganizationId}::uuid`.as("provider_organization_id"),
      })
      .from(providerUsers)
      .where(
        and(
          eq(providerUsers.providerId, providerId),
          eq(providerUsers.id, providerUserId),
          eq(providerUsers.type, "service_user"),
          eq(providerUsers.accessAllClients, false),
        ),
      ),
  );
}

export async function createClientGroup(tx: Executor, scope: ProviderScope, name: string) {
  const { providerId } = assertScope(scope);
  const [group] = await tx
    .insert(providerClientGroups)
    .values({ providerId, name })
    .returning({ id: providerClientGroups.id });
  return group!;
}

export async function renameClientGroup(tx: Executor, scope: ProviderScope, groupId: string, name: string) {
  const [group] = await lockGroups(tx, scope, [groupId]);
  await tx.update(providerClientGroups).set({ name }).where(eq(providerClientGroups.id, group!.id));
  return { before: group!.name };
}

/** Deletes a group; its tags and the scopes naming it go with it (those members lose what only it gave them). */
export async function deleteClientGroup(tx: Executor, scope: ProviderScope, groupId: string) {
  const [group] = await lockGroups(tx, scope, [groupId]);
  await tx.delete(providerClientGroups).where(eq(providerClientGroups.id, group!.id));
  return group!;
}

/** Replaces the clients tagged with a group: a grant to everyone whose scope names the group. */
export async function setClientGroupClients(
  tx: Executor,
  scope: ProviderScope,
  groupId: string,
  organizationIds: string[],
) {
  const { providerId } = assertScope(scope);
  const [group] = await lockGroups(tx, scope, [groupId]);
  const links = await clientLinks(tx, scope, organizationIds);
  const [before] = await tx
    .select({ n: count() })
    .from(providerClientGroupClients)
    .where(eq(providerClientGroupClients.groupId, group!.id));
  await tx.delete(providerClientGroupClients).where(eq(providerClientGroupClients.groupId, group!.id));
  if (links.length > 0)
    await tx
      .insert(providerClientGroupClients)
      .values(links.map((link) => ({ providerId, groupId: group!.id, providerOrganizationId: link })));
  return { group: group!, before: before?.n ?? 0, after: links.length };
}
