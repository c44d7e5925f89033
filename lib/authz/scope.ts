import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentApiKey, getSession, keepVerifiedUser, sessionClaims, type SessionUser } from "@/lib/auth/session";
import type { CallerClaims } from "@/lib/dal/accounts";
import { findOrganizationAccess, findProviderAccess } from "@/lib/dal/access";
import { uuidSchema } from "@/lib/validation/common";
import { ActionError } from "./action-error";
import { isOperator, organizationAccessFor, providerAccessAllows } from "./access-rules";
import { isReadPermission, type OrganizationPermission, type ProviderPermission } from "./permissions";
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
  if (!isOperator(user) || currentApiKey()) notFound();
  return issueScope({ kind: "operator" as const, userId: user.userId, email: user.email });
}

/** A tenant id from a URL or form: anything but a UUID is a 404 (after signed-out callers are sent to log in). */
async function validId(id: unknown): Promise<string> {
  const parsed = uuidSchema.safeParse(id);
  if (parsed.success) return parsed.data;
  await requireUser();
  notFound();
}

/**
 * A gate's read of the session together with what the gate needs, once per request whatever the number of gates
 * asking (layout, page): one statement checks both, and getSession reuses the user it verified.
 */
async function readWithSession<T extends { user: SessionUser }>(
  read: (claims: CallerClaims) => Promise<T | null>,
): Promise<T | null> {
  const claims = await sessionClaims();
  const found = claims ? read(claims) : Promise.resolve(null);
  keepVerifiedUser(found.then((access) => access?.user ?? null));
  return found;
}

const providerAccess = cache((providerId: string) =>
  readWithSession((claims) => findProviderAccess(claims, providerId)),
);

const organizationAccess = cache((organizationId: string) =>
  readWithSession((claims) => findOrganizationAccess(claims, organizationId)),
);

/**
 * A provider API key acts as its maker, and no further: in its own provider alone (another tenant is a 404, even one
 * its maker belongs to), and for reading only when it is read-only.
 */
function keyAllows(tenantProviderId: string | null, readOnly: boolean): void {
  const key = currentApiKey();
  if (!key) return;
  if (key.providerId !== tenantProviderId) notFound();
  if (key.access === "read" && !readOnly) throw new ActionError("This API key is read-only.");
}

/** A confirmed member of the provider holding `permission`; anyone else gets a 404. */
export async function requireProviderScope(
  providerId: unknown,
  permission: ProviderPermission,
): Promise<ProviderScope> {
  const access = await providerAccess(await validId(providerId));
  if (!access) redirect("/login");
  const { user, membership } = access;
  if (!membership || !providerAccessAllows(membership.role, permission)) notFound();
  keyAllows(membership.provider.id, isReadPermission(permission));
  return issueScope({
    kind: "provider" as const,
    userId: user.id,
    providerId: membership.provider.id,
    providerUserId: membership.providerUserId,
    role: membership.role,
    holdsKey: membership.holdsKey,
    provider: membership.provider,
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
  const found = await organizationAccess(await validId(organizationId));
  if (!found) redirect("/login");
  const { user, organization } = found;
  // A provider key reaches a client only as its provider does, never through its maker's own memberships.
  const key = currentApiKey();
  const ways = organization && key ? { ...organization, memberId: null, memberRole: null } : organization;
  const access = ways ? organizationAccessFor(ways, permission) : null;
  if (!organization || !access) notFound();
  if (key) keyAllows(access.via === "provider" ? access.providerId : null, isReadPermission(permission));
  return issueScope({
    kind: "organization" as const,
    userId: user.id,
    organizationId: organization.organizationId,
    // A disabled provider disables its clients (DESIGN §7); re-enabling it restores them, as nothing else changed.
    organizationEnabled: organization.organizationEnabled && organization.providerEnabled !== false,
    access,
  });
}
