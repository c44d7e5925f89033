import "server-only";
import { type AnyColumn, and, asc, count, desc, eq, inArray, isNull, not, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Executor, getDb } from "@/db/client";
import {
  collections,
  organizations,
  organizationUsers,
  providerAccessRequests,
  providerAccessTechnicians,
  providerOrganizations,
  providers,
  providerUsers,
  users,
} from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type OrganizationScope, type UserScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import type { ProviderAccessLevel, ProviderAccessRule, ProviderAccessStatus } from "@/lib/enums";
import type { ProviderAccessDecision } from "@/lib/validation/provider-access";
import { clientInReach, qualified } from "./client-reach";
import { includesProviderMembers } from "./provider-members";

/**
 * Client-approved, time-boxed access of a provider member to a client's items (issue 15). A provider member asks
 * from the client's console; the client's owners and admins approve (as asked, shorter, or view only) or deny; an
 * approved request is a grant that ./vault-access.ts adds to the member's collection access while it lasts. The
 * provider key chain already gives the member the organization key, so the grant is only the server's permission
 * to serve the ciphertext. Either side may end it early.
 */

/**
 * The one condition of a grant in force, on a provider_access_requests row named `r` (alias it so): approved and not
 * past its expiry. Expiry is this comparison with the database's clock, so no job has to end a grant.
 */
export function grantInForce(r: string): SQL<boolean> {
  const row = sql.identifier(r);
  return sql<boolean>`(${row}.status = 'approved' and ${row}.expires_at > now())`;
}

/**
 * The grants the user holds, as rows (organization_id, collection_id, read_only, hide_passwords, manage) for the
 * collection access CTE: the grant's collection, or all the client's collections, while the grant is in force, the
 * user is still a confirmed member of the managing provider with the client in their reach, and both the client and
 * the provider are enabled. Never manage rights, and a view-only grant is read-only.
 */
export function grantedCollectionRows(scope: UserScope | OrganizationScope): SQL {
  const { userId } = assertScope(scope);
  return sql`
      select g.organization_id, c.id, g.granted_access = 'view', false, false
      from provider_access_requests g
      join provider_users gpu on gpu.id = g.provider_user_id and gpu.user_id = ${userId} and gpu.status = 'confirmed'
      join provider_organizations gpo on gpo.id = g.provider_organization_id and gpo.provider_id = gpu.provider_id
      join organizations gorg on gorg.id = g.organization_id and gorg.enabled
      join providers gp on gp.id = gpo.provider_id and gp.enabled
      join collections c on c.organization_id = g.organization_id and (g.collection_id is null or c.id = g.collection_id)
      where ${grantInForce("g")} and ${clientInReach(sql`gpu.id`, sql`gpo.id`)}`;
}

export type ProviderAccessRequestView = {
  id: string;
  requester: { email: string; name: string | null };
  providerName: string;
  /** The collection asked for (its name is ciphertext, decrypted in the browser), or null for all collections. */
  collection: { id: string; name: EncString } | null;
  reason: string;
  requestedAccess: ProviderAccessLevel;
  requestedMinutes: number;
  /** "approved" is split into "active" and "expired" by the database's clock at read time. */
  /** "on_hold": approved and unexpired, but the provider no longer lets the technician reach the client. */
  state: Exclude<ProviderAccessStatus, "approved"> | "active" | "on_hold" | "expired";
  grantedAccess: ProviderAccessLevel | null;
  expiresAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  endedBy: string | null;
  endedAt: string | null;
  createdAt: string;
  /** Whether the caller may answer it: client owners and admins, never on their own provider's request. */
  canDecide: boolean;
};

/**
 * Whether the user (an id, or an outer query's column) belongs to the provider, in any status: requests are answered
 * by the client's own people, never by the asking provider's.
 */
function memberOfProvider(userId: AnyColumn | string, providerId: AnyColumn | SQL): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${providerUsers} provider_member
    where provider_member.provider_id = ${qualified(providerId)} and provider_member.user_id = ${qualified(userId)})`;
}

/** Whether the user belongs to the request's provider. */
function inAskingProvider(userId: string): SQL<boolean> {
  return memberOfProvider(userId, providerAccessRequests.providerId);
}

/** Whether the request's technician still reaches the client at their provider: a grant serves only while they do. */
function requesterReaches(): SQL<boolean> {
  return clientInReach(providerAccessRequests.providerUserId, providerAccessRequests.providerOrganizationId);
}

/** How many requests a console page lists: the newest; older ones stay in the event log. */
const LISTED_REQUESTS = 100;

const decider = alias(users, "decider");
const ender = alias(users, "ender");

/**
 * The organization's requests as its console shows them, newest first, in one query: all of them for its owners
 * and admins, only their own for a provider member.
 */
export async function listProviderAccessRequests(scope: OrganizationScope): Promise<ProviderAccessRequestView[]> {
  const { organizationId, access, userId } = assertScope(scope);
  const db = await getDb();
  const mine = access.via === "provider" ? eq(providerAccessRequests.providerUserId, access.providerUserId) : undefined;
  const rows = await db
    .select({
      id: providerAccessRequests.id,
      requesterEmail: providerUsers.email,
      requesterName: users.name,
      requesterUserId: providerUsers.userId,
      providerName: providers.name,
      collectionId: collections.id,
      collectionName: collections.name,
      reason: providerAccessRequests.reason,
      requestedAccess: providerAccessRequests.requestedAccess,
      requestedMinutes: providerAccessRequests.requestedMinutes,
      status: providerAccessRequests.status,
      expired: sql<boolean>`${providerAccessRequests.expiresAt} <= now()`,
      grantedAccess: providerAccessRequests.grantedAccess,
      expiresAt: providerAccessRequests.expiresAt,
      decidedBy: decider.email,
      decidedAt: providerAccessRequests.decidedAt,
      endedBy: ender.email,
      endedAt: providerAccessRequests.endedAt,
      createdAt: providerAccessRequests.createdAt,
      callerInProvider: inAskingProvider(userId),
      requesterReaches: requesterReaches(),
    })
    .from(providerAccessRequests)
    .innerJoin(providerUsers, eq(providerUsers.id, providerAccessRequests.providerUserId))
    .innerJoin(providers, eq(providers.id, providerAccessRequests.providerId))
    .leftJoin(users, eq(users.id, providerUsers.userId))
    .leftJoin(collections, eq(collections.id, providerAccessRequests.collectionId))
    .leftJoin(decider, eq(decider.id, providerAccessRequests.decidedByUserId))
    .leftJoin(ender, eq(ender.id, providerAccessRequests.endedByUserId))
    .where(and(eq(providerAccessRequests.organizationId, organizationId), mine))
    .orderBy(desc(providerAccessRequests.createdAt))
    .limit(LISTED_REQUESTS);
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return rows.map((row) => ({
    id: row.id,
    requester: { email: row.requesterEmail, name: row.requesterName },
    providerName: row.providerName,
    collection: row.collectionId && row.collectionName ? { id: row.collectionId, name: row.collectionName } : null,
    reason: row.reason,
    requestedAccess: row.requestedAccess,
    requestedMinutes: row.requestedMinutes,
    state:
      row.status === "approved" ? (row.expired ? "expired" : row.requesterReaches ? "active" : "on_hold") : row.status,
    grantedAccess: row.grantedAccess,
    expiresAt: iso(row.expiresAt),
    decidedBy: row.decidedBy,
    decidedAt: iso(row.decidedAt),
    endedBy: row.endedBy,
    endedAt: iso(row.endedAt),
    createdAt: row.createdAt.toISOString(),
    canDecide: access.via === "member" && row.requesterUserId !== userId && !row.callerInProvider,
  }));
}

/**
 * Every write to an organization's requests takes its row first (the action's revision bump takes it last), so that
 * answering, ending, asking and changing the rule queue behind each other in one order instead of deadlocking, and
 * each reads the rule as it is once it runs.
 */
async function lockOrganization(tx: Executor, organizationId: string): Promise<void> {
  await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("no key update");
}

/** The client's link to its provider and its standing rule; null when no provider manages it. */
async function clientLink(executor: Executor, organizationId: string) {
  const [row] = await executor
    .select({
      providerOrganizationId: providerOrganizations.id,
      providerId: providerOrganizations.providerId,
      providerName: providers.name,
      organizationName: organizations.name,
      rule: organizations.providerAccessRule,
    })
    .from(organizations)
    .innerJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
    .innerJoin(providers, eq(providers.id, providerOrganizations.providerId))
    .where(eq(organizations.id, organizationId));
  return row ?? null;
}

export type ProviderAccessRequested = {
  id: string;
  autoApproved: boolean;
  organizationName: string;
  providerName: string;
  expiresAt: Date | null;
};

/**
 * A provider member's request. Refused under the client's "never" rule; approved at once, as asked, when the client
 * names this member under its "named" rule; otherwise it waits for the client's answer.
 */
export async function requestProviderAccess(
  tx: Executor,
  scope: OrganizationScope,
  input: { collectionId: string | null; reason: string; access: ProviderAccessLevel; minutes: number },
): Promise<ProviderAccessRequested> {
  const { organizationId, access } = assertScope(scope);
  if (access.via !== "provider") throw new ActionError("Only members of the managing provider ask for access.");
  await lockOrganization(tx, organizationId);
  const client = await clientLink(tx, organizationId);
  if (!client || client.providerId !== access.providerId)
    throw new ActionError("This organization is not your client.");
  if (client.rule === "never")
    throw new ActionError(`${client.organizationName} does not let its provider read its items.`);
  if (input.collectionId) {
    const [found] = await tx
      .select({ n: count() })
      .from(collections)
      .where(and(eq(collections.id, input.collectionId), eq(collections.organizationId, organizationId)));
    if (!found?.n) throw new ActionError("This collection does not exist in this organization.");
  }
  const named =
    client.rule === "named" &&
    (
      await tx
        .select({ n: count() })
        .from(providerAccessTechnicians)
        .where(
          and(
            eq(providerAccessTechnicians.providerOrganizationId, client.providerOrganizationId),
            eq(providerAccessTechnicians.providerUserId, access.providerUserId),
          ),
        )
    )[0]!.n > 0;
  const [row] = await tx
    .insert(providerAccessRequests)
    .values({
      providerId: client.providerId,
      providerOrganizationId: client.providerOrganizationId,
      organizationId,
      providerUserId: access.providerUserId,
      collectionId: input.collectionId,
      reason: input.reason,
      requestedAccess: input.access,
      requestedMinutes: input.minutes,
      ...(named
        ? {
            status: "approved" as const,
            grantedAccess: input.access,
            expiresAt: sql`now() + ${input.minutes}::int * interval '1 minute'`,
            decidedAt: sql`now()`,
          }
        : {}),
    })
    .returning({ id: providerAccessRequests.id, expiresAt: providerAccessRequests.expiresAt });
  return {
    id: row!.id,
    autoApproved: named,
    organizationName: client.organizationName,
    providerName: client.providerName,
    expiresAt: row!.expiresAt,
  };
}

export type ProviderAccessDecided = {
  requesterEmail: string;
  organizationName: string;
  providerId: string;
  access: ProviderAccessLevel | null;
  minutes: number | null;
  expiresAt: Date | null;
};

/**
 * A client owner's or admin's answer to a waiting request. Nobody answers their own request, nor a member of the
 * asking provider anyone's (a provider member who is also the client's admin still needs an admin of the client's own),
 * nothing is approved under the "never" rule or for someone the provider no longer lets reach the client, and an
 * approval grants no more than was asked: the same or a shorter time, and view only instead of edit if the approver
 * chooses.
 */
export async function decideProviderAccess(
  tx: Executor,
  scope: OrganizationScope,
  input: ProviderAccessDecision,
): Promise<ProviderAccessDecided> {
  const { organizationId, userId, access } = assertScope(scope);
  if (access.via !== "member") throw new ActionError("Only the organization's owners and admins answer requests.");
  await lockOrganization(tx, organizationId);
  const [request] = await tx
    .select({
      status: providerAccessRequests.status,
      requestedAccess: providerAccessRequests.requestedAccess,
      requestedMinutes: providerAccessRequests.requestedMinutes,
      requesterUserId: providerUsers.userId,
      requesterEmail: providerUsers.email,
      providerId: providerAccessRequests.providerId,
      organizationName: organizations.name,
      rule: organizations.providerAccessRule,
      answererInProvider: inAskingProvider(userId),
      requesterReaches: requesterReaches(),
    })
    .from(providerAccessRequests)
    .innerJoin(providerUsers, eq(providerUsers.id, providerAccessRequests.providerUserId))
    .innerJoin(organizations, eq(organizations.id, providerAccessRequests.organizationId))
    .where(
      and(eq(providerAccessRequests.id, input.requestId), eq(providerAccessRequests.organizationId, organizationId)),
    )
    .for("update", { of: providerAccessRequests });
  if (!request) throw new ActionError("This request does not exist in this organization.");
  if (request.requesterUserId === userId) throw new ActionError("You cannot answer your own request.");
  if (request.answererInProvider)
    throw new ActionError("Members of the asking provider cannot answer its requests: another owner or admin answers.");
  if (request.status !== "pending") throw new ActionError("This request was already answered or withdrawn.");
  if (input.decision === "approve" && request.rule === "never")
    throw new ActionError("The standing rule never lets the provider read items: change it first, or deny.");
  // A grant to someone the provider has since scoped away would lie dormant until they reached the client again.
  if (input.decision === "approve" && !request.requesterReaches)
    throw new ActionError(`${request.requesterEmail} no longer reaches this organization at their provider: deny it.`);
  const answered = {
    requesterEmail: request.requesterEmail,
    organizationName: request.organizationName,
    providerId: request.providerId,
  };
  if (input.decision === "deny") {
    await tx
      .update(providerAccessRequests)
      .set({ status: "denied", decidedByUserId: userId, decidedAt: sql`now()` })
      .where(eq(providerAccessRequests.id, input.requestId));
    return { ...answered, access: null, minutes: null, expiresAt: null };
  }
  if (input.access === "edit" && request.requestedAccess === "view")
    throw new ActionError("This request asks to view only: approve it as view only.", { access: "Choose view only." });
  if (input.minutes > request.requestedMinutes)
    throw new ActionError("Approve for the time asked or less.", { minutes: "Choose the time asked or less." });
  const [approved] = await tx
    .update(providerAccessRequests)
    .set({
      status: "approved",
      grantedAccess: input.access,
      expiresAt: sql`now() + ${input.minutes}::int * interval '1 minute'`,
      decidedByUserId: userId,
      decidedAt: sql`now()`,
    })
    .where(eq(providerAccessRequests.id, input.requestId))
    .returning({ expiresAt: providerAccessRequests.expiresAt });
  return { ...answered, access: input.access, minutes: input.minutes, expiresAt: approved!.expiresAt };
}

type EndedRequest = {
  requestId: string;
  requesterEmail: string;
  providerId: string;
  organizationName: string;
  wasPending: boolean;
};

/** Ends the organization's requests that wait or are in force and match `which`; answers each one ended. */
async function endOpenRequests(
  tx: Executor,
  { organizationId, userId }: { organizationId: string; userId: string },
  which: SQL | undefined,
): Promise<EndedRequest[]> {
  await lockOrganization(tx, organizationId);
  const open = await tx
    .select({
      requestId: providerAccessRequests.id,
      status: providerAccessRequests.status,
      providerId: providerAccessRequests.providerId,
      requesterEmail: providerUsers.email,
      organizationName: organizations.name,
    })
    .from(providerAccessRequests)
    .innerJoin(providerUsers, eq(providerUsers.id, providerAccessRequests.providerUserId))
    .innerJoin(organizations, eq(organizations.id, providerAccessRequests.organizationId))
    .where(
      and(
        eq(providerAccessRequests.organizationId, organizationId),
        which,
        or(eq(providerAccessRequests.status, "pending"), sql`${grantInForce("provider_access_requests")}`),
      ),
    )
    .orderBy(asc(providerAccessRequests.id))
    .for("update", { of: providerAccessRequests });
  if (open.length === 0) return [];
  await tx
    .update(providerAccessRequests)
    .set({ status: "ended", endedByUserId: userId, endedAt: sql`now()` })
    .where(
      inArray(
        providerAccessRequests.id,
        open.map((request) => request.requestId),
      ),
    );
  return open.map(({ status, ...request }) => ({ ...request, wasPending: status === "pending" }));
}

/**
 * Ends a request early, from either side: the client's owners and admins end any grant in force (or deny-by-ending a
 * waiting request), a provider member only their own (withdrawing it while it waits). Answers who asked, for the mail.
 */
export async function endProviderAccess(
  tx: Executor,
  scope: OrganizationScope,
  requestId: string,
): Promise<EndedRequest> {
  const checked = assertScope(scope);
  const { access } = checked;
  const own = access.via === "provider" ? eq(providerAccessRequests.providerUserId, access.providerUserId) : undefined;
  const [ended] = await endOpenRequests(tx, checked, and(eq(providerAccessRequests.id, requestId), own));
  if (!ended) throw new ActionError("This access has already ended.");
  return ended;
}

/**
 * Ends every waiting request and every grant in force of the organization at once, as the "never" rule asks. Answers
 * each one ended, for its event and its mail.
 */
export function endAllProviderAccess(tx: Executor, scope: OrganizationScope): Promise<EndedRequest[]> {
  return endOpenRequests(tx, assertScope(scope), undefined);
}

/**
 * The confirmed emails of the organization's owners and admins who may answer a request: not those who belong to
 * the managing provider themselves.
 */
export async function deciderEmails(tx: Executor, scope: OrganizationScope): Promise<string[]> {
  const { organizationId } = assertScope(scope);
  const rows = await tx
    .select({ email: organizationUsers.email })
    .from(organizationUsers)
    .where(
      and(
        eq(organizationUsers.organizationId, organizationId),
        eq(organizationUsers.status, "confirmed"),
        inArray(organizationUsers.type, ["owner", "admin"]),
        not(
          memberOfProvider(
            organizationUsers.userId,
            sql`(select managed.provider_id from ${providerOrganizations} managed
              where managed.organization_id = ${organizationId})`,
          ),
        ),
      ),
    );
  return rows.map((row) => row.email);
}

export type ProviderAccessSettings = {
  providerName: string;
  rule: ProviderAccessRule;
  /** The managing provider's confirmed members who reach the organization, and whether the rule names each. */
  technicians: { id: string; email: string; name: string | null; named: boolean }[];
} | null;

/** The standing rule and the technicians it may name; null when no provider manages the organization. */
export async function getProviderAccessSettings(scope: OrganizationScope): Promise<ProviderAccessSettings> {
  const { organizationId } = assertScope(scope);
  const db = await getDb();
  const client = await clientLink(db, organizationId);
  if (!client) return null;
  const technicians = await db
    .select({
      id: providerUsers.id,
      email: providerUsers.email,
      name: users.name,
      named: sql<boolean>`${providerAccessTechnicians.providerUserId} is not null`,
    })
    .from(providerUsers)
    .leftJoin(users, eq(users.id, providerUsers.userId))
    .leftJoin(
      providerAccessTechnicians,
      and(
        eq(providerAccessTechnicians.providerUserId, providerUsers.id),
        eq(providerAccessTechnicians.providerOrganizationId, client.providerOrganizationId),
      ),
    )
    .where(
      and(
        eq(providerUsers.providerId, client.providerId),
        eq(providerUsers.status, "confirmed"),
        clientInReach(providerUsers.id, sql`${client.providerOrganizationId}::uuid`),
      ),
    )
    .orderBy(asc(providerUsers.email));
  return { providerName: client.providerName, rule: client.rule, technicians };
}

/**
 * Sets the standing rule and, for "named", which of the managing provider's confirmed members it names (the composite
 * foreign keys refuse another provider's member). Answers the counts for the event.
 */
export async function setProviderAccessRule(
  tx: Executor,
  scope: OrganizationScope,
  rule: ProviderAccessRule,
  technicianIds: string[],
): Promise<{ rule: ProviderAccessRule; technicians: number }> {
  const { organizationId, userId } = assertScope(scope);
  await lockOrganization(tx, organizationId);
  const client = await clientLink(tx, organizationId);
  if (!client) throw new ActionError("No provider manages this organization.");
  // Naming technicians answers their requests in advance: as with each answer, the client's own people give it.
  if (rule === "named" && (await includesProviderMembers(tx, client.providerId, { userIds: [userId] })))
    throw new ActionError(
      `Members of ${client.providerName} cannot approve its technicians in advance: another owner sets this rule.`,
    );
  const named = rule === "named" ? technicianIds : [];
  if (rule === "named" && named.length === 0)
    throw new ActionError("Name at least one technician, or choose another rule.", {
      technicianIds: "Name at least one technician.",
    });
  if (named.length > 0) {
    const [found] = await tx
      .select({ n: count() })
      .from(providerUsers)
      .where(
        and(
          eq(providerUsers.providerId, client.providerId),
          eq(providerUsers.status, "confirmed"),
          inArray(providerUsers.id, named),
          clientInReach(providerUsers.id, sql`${client.providerOrganizationId}::uuid`),
        ),
      );
    if (found?.n !== named.length)
      throw new ActionError("Some of these people are not members of your provider who reach this organization.");
  }
  await tx.update(organizations).set({ providerAccessRule: rule }).where(eq(organizations.id, organizationId));
  await tx
    .delete(providerAccessTechnicians)
    .where(eq(providerAccessTechnicians.providerOrganizationId, client.providerOrganizationId));
  if (named.length > 0)
    await tx.insert(providerAccessTechnicians).values(
      named.map((providerUserId) => ({
        providerOrganizationId: client.providerOrganizationId,
        providerId: client.providerId,
        providerUserId,
      })),
    );
  return { rule, technicians: named.length };
}

export type GrantedOrganization = {
  id: string;
  name: string;
  providerName: string;
  access: ProviderAccessLevel;
  expiresAt: string;
};

/**
 * The clients whose items the user reads through a grant in force (not as a member): the vault lists them beside
 * the user's own organizations, with when each grant ends. One query.
 */
export async function listGrantedOrganizations(scope: UserScope): Promise<GrantedOrganization[]> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      providerName: providers.name,
      edit: sql<boolean>`bool_or(${providerAccessRequests.grantedAccess} = 'edit')`,
      expiresAt: sql<Date>`max(${providerAccessRequests.expiresAt})`.mapWith((value) => new Date(value as string)),
    })
    .from(providerAccessRequests)
    .innerJoin(
      providerUsers,
      and(
        eq(providerUsers.id, providerAccessRequests.providerUserId),
        eq(providerUsers.userId, userId),
        eq(providerUsers.status, "confirmed"),
      ),
    )
    .innerJoin(providerOrganizations, eq(providerOrganizations.id, providerAccessRequests.providerOrganizationId))
    .innerJoin(
      organizations,
      and(eq(organizations.id, providerAccessRequests.organizationId), eq(organizations.enabled, true)),
    )
    .innerJoin(providers, and(eq(providers.id, providerOrganizations.providerId), eq(providers.enabled, true)))
    .leftJoin(
      organizationUsers,
      and(
        eq(organizationUsers.organizationId, organizations.id),
        eq(organizationUsers.userId, userId),
        eq(organizationUsers.status, "confirmed"),
      ),
    )
    .where(
      and(
        sql`${grantInForce("provider_access_requests")}`,
        clientInReach(providerUsers.id, providerOrganizations.id),
        isNull(organizationUsers.id),
      ),
    )
    .groupBy(organizations.id, organizations.name, providers.name)
    .orderBy(asc(organizations.name));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    providerName: row.providerName,
    access: row.edit ? "edit" : "view",
    expiresAt: row.expiresAt.toISOString(),
  }));
}

/**
 * The provider an item event in this organization is to be attributed to: the one whose grant the user acts under,
 * when they are not a confirmed member of the organization themselves. Null otherwise.
 */
export async function grantingProviderOf(
  tx: Executor,
  scope: UserScope,
  organizationId: string,
): Promise<string | null> {
  const { userId } = assertScope(scope);
  const [row] = await tx
    .select({ providerId: providerAccessRequests.providerId })
    .from(providerAccessRequests)
    .innerJoin(
      providerUsers,
      and(
        eq(providerUsers.id, providerAccessRequests.providerUserId),
        eq(providerUsers.userId, userId),
        eq(providerUsers.status, "confirmed"),
      ),
    )
    .where(
      and(
        eq(providerAccessRequests.organizationId, organizationId),
        sql`${grantInForce("provider_access_requests")}`,
        sql`not exists (select 1 from ${organizationUsers} m where m.organization_id = ${organizationId}
          and m.user_id = ${userId} and m.status = 'confirmed')`,
      ),
    )
    .limit(1);
  return row?.providerId ?? null;
}

/** The organization's collections (names are ciphertext) for the request form's choice: one query. */
export async function listCollectionChoices(scope: OrganizationScope): Promise<{ id: string; name: EncString }[]> {
  const { organizationId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({ id: collections.id, name: collections.name })
    .from(collections)
    .where(eq(collections.organizationId, organizationId));
}
