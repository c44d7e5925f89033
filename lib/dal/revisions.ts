import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import {
  organizations,
  organizationUsers,
  providerAccessRequests,
  providerOrganizations,
  providers,
  providerUsers,
  users,
} from "@/db/schema";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import type { EventType } from "@/lib/events/event-types";
import { ITEM_ACTIVITY_TYPES } from "@/lib/validation/items";
import { clientInReach } from "./client-reach";
import type { EventInput } from "./events";

/**
 * Revision dates (DESIGN §12): a Bitwarden client asks for the account's revision date and syncs when it moved.
 * Rather than touching every member's row on every organization change, each tenant keeps its own date, and an
 * account's date is the latest of its own, its organizations', its providers' and those providers' clients', and the
 * expiry of its item grants that ran out. A change bumps the tenants its events name; a person who loses a membership
 * is named by the event (`userId`), so their own date moves although the organization is no longer theirs.
 */
export type RevisionTargets = { userIds: Set<string>; organizationIds: Set<string>; providerIds: Set<string> };

export function emptyRevisionTargets(): RevisionTargets {
  return { userIds: new Set(), organizationIds: new Set(), providerIds: new Set() };
}

/** Events that record what someone looked at, not a change: nobody's sync would differ. */
const UNCHANGING: ReadonlySet<EventType> = new Set(ITEM_ACTIVITY_TYPES);

export function addRevisionTargets(targets: RevisionTargets, event: EventInput): void {
  if (UNCHANGING.has(event.type)) return;
  for (const id of [event.actingUserId, event.userId]) if (id) targets.userIds.add(id);
  if (event.organizationId) targets.organizationIds.add(event.organizationId);
  if (event.providerId) targets.providerIds.add(event.providerId);
}

/** Moves the revision date of every named tenant, in the transaction of the change. Scope-less: the wrapper's. */
export async function bumpRevisions(tx: Executor, targets: RevisionTargets): Promise<void> {
  const sorted = (ids: Set<string>) => [...ids].sort();
  if (targets.organizationIds.size > 0)
    await tx
      .update(organizations)
      .set({ revisionDate: sql`now()` })
      .where(inArray(organizations.id, sorted(targets.organizationIds)));
  if (targets.providerIds.size > 0)
    await tx
      .update(providers)
      .set({ revisionDate: sql`now()` })
      .where(inArray(providers.id, sorted(targets.providerIds)));
  if (targets.userIds.size > 0)
    await tx
      .update(users)
      .set({ revisionDate: sql`now()` })
      .where(inArray(users.id, sorted(targets.userIds)));
}

/** The caller's account revision date: the latest of everything their sync would include. */
export async function accountRevisionDate(scope: UserScope): Promise<Date> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const memberOrganizations = db
    .select({ revisionDate: organizations.revisionDate })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .where(eq(organizationUsers.userId, userId));
  const memberProviders = db
    .select({ revisionDate: providers.revisionDate })
    .from(providerUsers)
    .innerJoin(providers, eq(providers.id, providerUsers.providerId))
    .where(eq(providerUsers.userId, userId));
  const clientOrganizations = db
    .select({ revisionDate: organizations.revisionDate })
    .from(providerUsers)
    .innerJoin(
      providerOrganizations,
      and(
        eq(providerOrganizations.providerId, providerUsers.providerId),
        clientInReach(providerUsers.id, providerOrganizations.id),
      ),
    )
    .innerJoin(organizations, eq(organizations.id, providerOrganizations.organizationId))
    .where(eq(providerUsers.userId, userId));
  // A grant that ran out changed what sync serves with no event to bump anything: its expiry is a revision too.
  const expiredGrants = db
    .select({ revisionDate: sql<Date>`${providerAccessRequests.expiresAt}`.as("revision_date") })
    .from(providerUsers)
    .innerJoin(providerAccessRequests, eq(providerAccessRequests.providerUserId, providerUsers.id))
    .where(
      and(
        eq(providerUsers.userId, userId),
        eq(providerAccessRequests.status, "approved"),
        sql`${providerAccessRequests.expiresAt} <= now()`,
      ),
    );
  const [row] = await db
    .select({
      latest: sql<string>`greatest(
        ${users.revisionDate},
        (select max(revision_date) from (${memberOrganizations}) as member_organizations),
        (select max(revision_date) from (${memberProviders}) as member_providers),
        (select max(revision_date) from (${clientOrganizations}) as client_organizations),
        (select max(revision_date) from (${expiredGrants}) as expired_grants)
      )`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new Error("account not found");
  return new Date(row.latest);
}
