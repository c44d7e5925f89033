import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { findOrganizationAccess, findProviderMembership } from "@/lib/dal/access";
import { uuidSchema } from "@/lib/validation/common";
import { isOperator, organizationAccessFor, providerAccessAllows } from "./access-rules";
import type { OrganizationPermission, ProviderPermission } from "./permissions";
import {
  issueScope,
  type OperatorScope,
  type OrganizationScope,
  type ProviderScope,
  type PublicScope,
  type UserScope,
} from "./scope-brand";

export function publicScope(): PublicScope {
  return issueScope({ kind: "public" as const });
}

/** The signed-in user, or a redirect to /login (pages) / an "unauthenticated" result (actions). */
export async function requireUser(): Promise<UserScope> {
  const user = await getSession();
  if (!user) redirect("/login");
  return issueScope({
    kind: "user" as const,
    userId: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerified,
  });
}

/** An operator of this installation; everyone else gets a 404, so /admin does not reveal itself. */
export async function requireOperatorScope(): Promise<OperatorScope> {
  const user = await requireUser();
  if (!isOperator(user)) notFound();
  return issueScope({ kind: "operator" as const, userId: user.userId, email: user.email });
}

function validId(id: unknown): string {
  const parsed = uuidSchema.safeParse(id);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** A confirmed member of the provider holding `permission`; anyone else gets a 404. */
export async function requireProviderScope(
  providerId: unknown,
  permission: ProviderPermission,
): Promise<ProviderScope> {
  const user = await requireUser();
  const membership = await findProviderMembership(user.userId, validId(providerId));
  if (!membership || !providerAccessAllows(membership.role, permission)) notFound();
  return issueScope({
    kind: "provider" as const,
    userId: user.userId,
    providerId: membership.providerId,
    providerUserId: membership.providerUserId,
    role: membership.role,
    providerEnabled: membership.providerEnabled,
    holdsKey: membership.holdsKey,
  });
}

/**
 * Console rights in an organization holding `permission`: as a confirmed member whose role holds it, or as a
 * confirmed member of the managing provider (who act as owners, minus item access). Anyone else gets a 404.
 */
export async function requireOrgScope(
  organizationId: unknown,
  permission: OrganizationPermission,
): Promise<OrganizationScope> {
  const user = await requireUser();
  const row = await findOrganizationAccess(user.userId, validId(organizationId));
  if (!row) notFound();
  const access = organizationAccessFor(row, permission);
  if (!access) notFound();
  return issueScope({
    kind: "organization" as const,
    userId: user.userId,
    organizationId: row.organizationId,
    // A disabled provider disables its clients (DESIGN §7); re-enabling it restores them, as nothing else changed.
    organizationEnabled: row.organizationEnabled && row.providerEnabled !== false,
    access,
  });
}
