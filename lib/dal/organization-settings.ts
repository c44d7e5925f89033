import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, providerOrganizations } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type OrganizationScope } from "@/lib/authz/scope-brand";
import { providerPlanOf } from "@/lib/plans";
import { refreshPlanAllocation } from "./clients";

const GONE = "This organization no longer exists.";

/** Renames the organization and changes its billing email; answers what they were before, for the event. */
export async function updateOrganizationSettings(
  tx: Executor,
  scope: OrganizationScope,
  settings: { name: string; billingEmail: string },
) {
  const { organizationId } = assertScope(scope);
  const [before] = await tx
    .select({ name: organizations.name, billingEmail: organizations.billingEmail })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("update");
  if (!before) throw new ActionError(GONE);
  await tx.update(organizations).set(settings).where(eq(organizations.id, organizationId));
  return before;
}

export type OrganizationToDelete = {
  name: string;
  planType: (typeof organizations.$inferSelect)["planType"];
  /** The provider managing it, whose plan allocation changes when it goes. */
  providerId: string | null;
};

/**
 * The organization, locked until the transaction ends (member invitations and seat changes lock the same row),
 * with what deleting it must also settle: the managing provider and the plan it counts against.
 */
export async function lockOrganizationForDeletion(
  tx: Executor,
  scope: OrganizationScope,
): Promise<OrganizationToDelete> {
  const { organizationId } = assertScope(scope);
  const [organization] = await tx
    .select({
      name: organizations.name,
      planType: organizations.planType,
      providerId: providerOrganizations.providerId,
    })
    .from(organizations)
    .leftJoin(providerOrganizations, eq(providerOrganizations.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId))
    .for("update", { of: organizations });
  if (!organization) throw new ActionError(GONE);
  return organization;
}

/**
 * Deletes the organization; its members, groups, collections, items, policies and provider link go with it by
 * cascade, while its events stay (they have no foreign keys). A managing provider's plan is then recounted
 * without it, in the same transaction.
 */
export async function deleteOrganization(
  tx: Executor,
  scope: OrganizationScope,
  organization: OrganizationToDelete,
): Promise<void> {
  const { organizationId } = assertScope(scope);
  await tx.delete(organizations).where(eq(organizations.id, organizationId));
  const plan = providerPlanOf(organization.planType);
  if (organization.providerId && plan) await refreshPlanAllocation(tx, organization.providerId, plan);
}
