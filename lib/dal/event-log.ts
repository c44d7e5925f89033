import "server-only";
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  events,
  organizations,
  organizationUsers,
  providerOrganizations,
  providers,
  providerUsers,
  users,
} from "@/db/schema";
import { assertScope, type OrganizationScope, type ProviderScope } from "@/lib/authz/scope-brand";
import { rangeBounds } from "@/lib/events/date-range";
import type { EventCursor, EventFilter } from "@/lib/events/event-filter";
import type { EventType } from "@/lib/events/event-types";
import type { EventRow } from "@/lib/events/rows";
import { clientInReach, reachesEveryClient } from "./client-reach";
import { containsPattern } from "./contains";

/**
 * The statements behind every event log, an organization's and a provider's. Each builds its tenant condition from
 * the asserted scope and puts it in every statement it runs. Pages go by cursor (the id of the last event shown), so
 * a page costs one statement however deep it is and however many events the range holds.
 */

export const EVENTS_PER_PAGE = 50;
/** Rows a CSV export reads per statement while it streams. */
export const EXPORT_BATCH = 1_000;

type EventScope = OrganizationScope | ProviderScope;

/**
 * An organization's events are rows carrying its id (what its members did, and what provider members did inside it:
 * those rows also carry the provider's id) and its members' account events. A provider's log rolls up: the rows
 * carrying its id (its own changes; its members' work in clients, a scoped technician's only in theirs) and every
 * event of the clients the caller reaches, whoever caused it, with their members' account events and those of the
 * provider's own members.
 */
function tenantEvents(scope: EventScope): SQL {
  const checked = assertScope(scope);
  if (checked.kind === "organization")
    return or(
      eq(events.organizationId, checked.organizationId),
      accountEventOf(clientMember(sql`select ${checked.organizationId}::uuid`)),
    )!;
  const reachedClients = sql`select ${providerOrganizations.organizationId} from ${providerOrganizations}
    where ${providerOrganizations.providerId} = ${checked.providerId}
    and ${clientInReach(checked.providerUserId, providerOrganizations.id)}`;
  // The provider's members' work in clients: all of it for those who reach every client (former clients too), a
  // scoped technician's clients' only.
  const providerRows = sql`(${events.organizationId} is null or ${reachesEveryClient(checked.providerUserId)})`;
  return or(
    and(eq(events.providerId, checked.providerId), providerRows),
    sql`${events.organizationId} in (${reachedClients})`,
    accountEventOf(clientMember(reachedClients)),
    accountEventOf(providerMember(checked.providerId)),
  )!;
}

/**
 * An account event (a login, a failed login, a two-step change: no organization, no provider) of someone who was a
 * member when it happened and still is: an organization's log shows its members' account events, as Bitwarden's
 * does, and a provider's its members' and its clients' members'. Invited members have no account yet.
 */
function accountEventOf(membership: SQL): SQL {
  return sql`(${events.organizationId} is null and ${events.providerId} is null and exists (${membership}))`;
}

/** The acting user's membership, then and now, of one of these organizations (a query of ids). */
function clientMember(organizationIds: SQL): SQL {
  return sql`select 1 from ${organizationUsers} member
    where member.user_id = ${events.actingUserId} and member.organization_id in (${organizationIds})
      and member.status in ('accepted', 'confirmed') and member.created_at <= ${events.occurredAt}`;
}

/** The acting user's membership, then and now, of the provider. */
function providerMember(providerId: string): SQL {
  return sql`select 1 from ${providerUsers} member
    where member.user_id = ${events.actingUserId} and member.provider_id = ${providerId}
      and member.status in ('accepted', 'confirmed') and member.created_at <= ${events.occurredAt}`;
}

function matching(scope: EventScope, filter: EventFilter): SQL | undefined {
  const { from, until } = rangeBounds(filter.range);
  const member = filter.member ? containsPattern(filter.member) : null;
  return and(
    tenantEvents(scope),
    gte(events.occurredAt, from),
    lt(events.occurredAt, until),
    filter.actor === "provider" ? and(isNotNull(events.providerId), isNotNull(events.actingUserId)) : undefined,
    filter.client ? ilike(organizations.name, containsPattern(filter.client)) : undefined,
    member ? or(ilike(users.name, member), ilike(users.email, member)) : undefined,
    filter.type ? eq(events.type, filter.type) : undefined,
  );
}

/** Rows older (or newer) than the event with this id, in the log's order: time, then id for events of one instant. */
function beyond(id: number, direction: "older" | "newer"): SQL {
  const mark = sql`(select mark.occurred_at, mark.id from ${events} mark where mark.id = ${id})`;
  return direction === "older"
    ? sql`(${events.occurredAt}, ${events.id}) < ${mark}`
    : sql`(${events.occurredAt}, ${events.id}) > ${mark}`;
}

/** Events with the acting user, the organization and the acting provider joined in (one statement). */
async function selectEvents(where: SQL | undefined, order: "newest" | "oldest", limit: number): Promise<EventRow[]> {
  const db = await getDb();
  const direction = order === "newest" ? desc : asc;
  return db
    .select({
      id: events.id,
      occurredAt: events.occurredAt,
      type: events.type,
      actingUserId: events.actingUserId,
      actorName: users.name,
      actorEmail: users.email,
      device: events.device,
      organizationId: events.organizationId,
      organizationName: organizations.name,
      providerId: events.providerId,
      providerName: providers.name,
      ip: events.ip,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actingUserId))
    .leftJoin(organizations, eq(organizations.id, events.organizationId))
    .leftJoin(providers, eq(providers.id, events.providerId))
    .where(where)
    .orderBy(direction(events.occurredAt), direction(events.id))
    .limit(limit);
}

/** A page of events, newest first, and the cursors to the pages beside it (null where there is none). */
export type EventPage = { rows: EventRow[]; older: { before: number } | null; newer: { after: number } | null };

/** One page of 50 matching events from the cursor on (one statement: it reads one row more to know if more follow). */
export async function listEvents(scope: EventScope, filter: EventFilter, cursor: EventCursor): Promise<EventPage> {
  const where = matching(scope, filter);
  if (cursor && "after" in cursor) {
    const newer = await selectEvents(and(where, beyond(cursor.after, "newer")), "oldest", EVENTS_PER_PAGE + 1);
    const rows = newer.slice(0, EVENTS_PER_PAGE).reverse();
    return {
      rows,
      newer: newer.length > EVENTS_PER_PAGE && rows[0] ? { after: rows[0].id } : null,
      older: rows.length > 0 ? { before: rows.at(-1)!.id } : null,
    };
  }
  const older = await selectEvents(
    cursor ? and(where, beyond(cursor.before, "older")) : where,
    "newest",
    EVENTS_PER_PAGE + 1,
  );
  const rows = older.slice(0, EVENTS_PER_PAGE);
  return {
    rows,
    older: older.length > EVENTS_PER_PAGE ? { before: rows.at(-1)!.id } : null,
    newer: cursor && rows[0] ? { after: rows[0].id } : null,
  };
}

/** Every matching event, newest first, in batches of 1,000 (a statement each) for a streamed CSV export. */
export async function* exportEvents(scope: EventScope, filter: EventFilter): AsyncGenerator<EventRow[]> {
  const where = matching(scope, filter);
  let last: number | null = null;
  for (;;) {
    const batch = await selectEvents(last === null ? where : and(where, beyond(last, "older")), "newest", EXPORT_BATCH);
    if (batch.length > 0) yield batch;
    if (batch.length < EXPORT_BATCH) return;
    last = batch.at(-1)!.id;
  }
}

/** The newest events of these types in the last days (the dashboard's security list), in one statement. */
export function listRecentEvents(
  scope: EventScope,
  types: readonly EventType[],
  days: number,
  limit: number,
): Promise<EventRow[]> {
  return selectEvents(
    and(
      tenantEvents(scope),
      inArray(events.type, [...types]),
      gte(events.occurredAt, sql`now() - make_interval(days => ${days})`),
    ),
    "newest",
    limit,
  );
}
