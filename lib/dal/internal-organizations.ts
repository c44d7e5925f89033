import "server-only";
import { and, asc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Executor, getDb } from "@/db/client";
import { organizations, organizationUsers, providerOrganizations, providers } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type ProviderScope, type UserScope } from "@/lib/authz/scope-brand";
import { planFamily, planLabel } from "@/lib/plans";
import { confirmedOwnerRow } from "./clients";

/**
 * Which organizations may be a provider's internal one (DESIGN §11): an Enterprise organization the person owns
 * (confirmed), enabled, nobody's client, and no other provider's internal organization. One rule for the
 * "Become a provider" request, its approval and the provider's Settings.
 */

export type InternalOrganizationChoice = {
  id: string;
  name: string;
  /** Why it cannot be the internal organization, in words for its owner; null when it can. */
  problem: string | null;
};

const managingProvider = alias(providers, "managing_provider");
const internalOf = alias(providers, "internal_of");

function ownedOrganizations(executor: Executor, userId: string, ...conditions: SQL[]) {
  return executor
    .select({
      id: organizations.id,
      name: organizations.name,
      planType: organizations.planType,
      enabled: organizations.enabled,
      clientOf: managingProvider.name,
      internalOfId: internalOf.id,
      internalOfName: internalOf.name,
    })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .leftJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
    .leftJoin(managingProvider, eq(managingProvider.id, providerOrganizations.providerId))
    .leftJoin(internalOf, eq(internalOf.internalOrganizationId, organizations.id))
    .where(and(confirmedOwnerRow(userId), ...conditions))
    .orderBy(asc(organizations.name));
}

type OwnedOrganizationRow = Awaited<ReturnType<typeof ownedOrganizations>>[number];

/** `forProviderId`: the provider choosing; its own current internal organization is no obstacle. */
function problemOf(row: OwnedOrganizationRow, forProviderId: string | null): string | null {
  if (row.clientOf)
    return `${row.name} is a client of ${row.clientOf}. A provider's internal organization is never a client.`;
  if (row.internalOfId && row.internalOfId !== forProviderId) {
    return `${row.name} is already the internal organization of ${row.internalOfName}.`;
  }
  if (planFamily(row.planType) !== "enterprise")
    return `${row.name} is on the ${planLabel(row.planType)} plan. It needs the Enterprise plan.`;
  if (!row.enabled) return `${row.name} is disabled.`;
  return null;
}

/** Who chooses: a user asking to become a provider, or a provider member choosing in its settings. */
type ChooserScope = UserScope | ProviderScope;

function choosingProviderId(scope: ChooserScope): string | null {
  return scope.kind === "provider" ? scope.providerId : null;
}

/** Every organization the user owns, each with what keeps it from being the internal organization (if anything). */
export async function internalOrganizationChoices(scope: ChooserScope): Promise<InternalOrganizationChoice[]> {
  const { userId } = assertScope(scope);
  const rows = await ownedOrganizations(await getDb(), userId);
  return rows.map((row) => ({ id: row.id, name: row.name, problem: problemOf(row, choosingProviderId(scope)) }));
}

/**
 * Locks the organization and refuses (ActionError) unless `userId` may make it an internal organization now: the
 * check that counts, made inside the writing transaction so nothing changes between it and the write.
 */
async function lockEligible(
  tx: Executor,
  userId: string,
  organizationId: string,
  forProviderId: string | null,
): Promise<{ id: string; name: string }> {
  const [row] = await ownedOrganizations(tx, userId, eq(organizations.id, organizationId)).for("update", {
    of: organizations,
  });
  if (!row)
    throw new ActionError("You can only choose an organization that you own.", {
      internalOrganizationId: "You can only choose an organization that you own.",
    });
  const problem = problemOf(row, forProviderId);
  if (problem) throw new ActionError(problem, { internalOrganizationId: problem });
  return { id: row.id, name: row.name };
}

/** The caller's choice, for their request or their provider's settings (see lockEligible). */
export function lockEligibleInternalOrganization(
  tx: Executor,
  scope: ChooserScope,
  organizationId: string,
): Promise<{ id: string; name: string }> {
  const { userId } = assertScope(scope);
  return lockEligible(tx, userId, organizationId, choosingProviderId(scope));
}

/**
 * An operator approving a request checks the requester's choice again (see lockEligible). Scope-less: operators
 * act from /admin and the command line, and the requester is read from the locked request row.
 */
export function lockRequestedInternalOrganization(
  tx: Executor,
  requesterId: string,
  organizationId: string,
): Promise<{ id: string; name: string }> {
  return lockEligible(tx, requesterId, organizationId, null);
}
