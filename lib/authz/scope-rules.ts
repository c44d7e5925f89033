import "server-only";
import type { OrganizationPermission, ProviderPermission } from "./permissions";
import { publicScope, requireOperatorScope, requireOrgScope, requireProviderScope, requireUser } from "./scope";
import type { OperatorScope, OrganizationScope, ProviderScope, PublicScope, Scope, UserScope } from "./scope-brand";

/**
 * The declared gate of an action (`scope: org("org.members.manage")` in defineAction): which scope it needs and
 * with which permission, the tenant read from the input's own `organizationId` or `providerId`. An input schema
 * without that field does not type-check. Actions whose gate depends on more use `authorize` instead.
 */
export type ScopeRule<I, S extends Scope> = {
  /** Callers without a session may use it (registration). */
  readonly public: boolean;
  readonly issue: (input: I) => Promise<S>;
};

/** Console rights in the input's organization (lib/authz/scope.ts, requireOrgScope). */
export function org(permission: OrganizationPermission): ScopeRule<{ organizationId: string }, OrganizationScope> {
  return { public: false, issue: (input) => requireOrgScope(input.organizationId, permission) };
}

/** A member of the input's provider holding `permission` (requireProviderScope). */
export function provider(permission: ProviderPermission): ScopeRule<{ providerId: string }, ProviderScope> {
  return { public: false, issue: (input) => requireProviderScope(input.providerId, permission) };
}

/** Any signed-in user, acting on their own account and vault. */
export function user(): ScopeRule<unknown, UserScope> {
  return { public: false, issue: () => requireUser() };
}

/** An operator of this installation (/admin). */
export function operator(): ScopeRule<unknown, OperatorScope> {
  return { public: false, issue: () => requireOperatorScope() };
}

/** Anyone, signed in or not (registration, email verification). */
export function anyone(): ScopeRule<unknown, PublicScope> {
  return { public: true, issue: async () => publicScope() };
}
