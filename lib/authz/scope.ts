import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { findOrganizationAccess, findProviderMembership } from "@/lib/dal/access";
import { uuidSchema } from "@/lib/validation/common";
import { isOperator, type OrganizationAccess, organizationAccessFor, providerAccessAllows } from "./access-rules";
import type { OrganizationPermission, ProviderPermission, ProviderRole } from "./permissions";

export type { OrganizationAccess };

/**
 * Scopes are proof that the caller may act on a tenant. Only this module makes them (they are frozen and
 * registered in a private WeakSet), DAL functions take a scope instead of a raw tenant id and call
 * `assertScope`, so a forged object literal is refused at run time as well as by the type checker.
 */
declare const scopeBrand: unique symbol;
type Branded = { readonly [scopeBrand]: true };

export type UserScope = Branded & {
  readonly kind: "user";
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  /** Proved by a followed link (DESIGN §11): whatever trusts the address needs it. */
  readonly emailVerified: boolean;
};

export type ProviderScope = Branded & {
  readonly kind: "provider";
  readonly userId: string;
  readonly providerId: string;
  readonly providerUserId: string;
  readonly role: ProviderRole;
  readonly providerEnabled: boolean;
  /** False only for the first admin of an approved request, until their browser makes the provider key. */
  readonly holdsKey: boolean;
};

export type OrganizationScope = Branded & {
  readonly kind: "organization";
  readonly userId: string;
  readonly organizationId: string;
  readonly organizationEnabled: boolean;
  readonly access: OrganizationAccess;
};

/** An operator of this installation (a verified email in ADMIN_EMAILS): the /admin pages. */
export type OperatorScope = Branded & { readonly kind: "operator"; readonly userId: string; readonly email: string };

/** For actions anyone may call (registration): still a scope, so every action goes through the same wrapper. */
export type PublicScope = Branded & { readonly kind: "public" };

export type Scope = UserScope | ProviderScope | OrganizationScope | OperatorScope | PublicScope;

const issued = new WeakSet<object>();

function issue<T extends Omit<Scope, typeof scopeBrand>>(fields: T): T & Branded {
  const scope = Object.freeze({ ...fields }) as T & Branded;
  issued.add(scope);
  return scope;
}

export function assertScope<S extends Scope>(scope: S): S {
  if (!issued.has(scope)) throw new Error("forged scope");
  return scope;
}

export function publicScope(): PublicScope {
  return issue({ kind: "public" as const });
}

/** The signed-in user, or a redirect to /login (pages) / an "unauthenticated" result (actions). */
export async function requireUser(): Promise<UserScope> {
  const user = await getSession();
  if (!user) redirect("/login");
  return issue({
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
  return issue({ kind: "operator" as const, userId: user.userId, email: user.email });
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
  return issue({
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
  return issue({
    kind: "organization" as const,
    userId: user.userId,
    organizationId: row.organizationId,
    // A disabled provider disables its clients (DESIGN §7); re-enabling it restores them, as nothing else changed.
    organizationEnabled: row.organizationEnabled && row.providerEnabled !== false,
    access,
  });
}

/** The provider whose member acted, for the event log (DESIGN §6: provider actions in a client org name it). */
export function actingProviderId(scope: Scope): string | null {
  if (scope.kind === "provider") return scope.providerId;
  if (scope.kind === "organization" && scope.access.via === "provider") return scope.access.providerId;
  return null;
}
