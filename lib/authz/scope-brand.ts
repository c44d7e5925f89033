import "server-only";
import type { OrganizationAccess } from "./access-rules";
import type { ProviderRole, ProviderStatus } from "@/lib/enums";

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

/** What pages show of the provider a scope was issued for. */
export type ProviderSummary = {
  id: string;
  name: string;
  businessName: string | null;
  billingEmail: string | null;
  status: ProviderStatus;
  enabled: boolean;
};

export type ProviderScope = Branded & {
  readonly kind: "provider";
  readonly userId: string;
  readonly providerId: string;
  readonly providerUserId: string;
  readonly role: ProviderRole;
  /** False only for the first admin of an approved request, until their browser makes the provider key. */
  readonly holdsKey: boolean;
  /** The provider itself, read with the membership (pages show it; one read per request). */
  readonly provider: Readonly<ProviderSummary>;
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

/** Mints a scope: only the gates in ./scope.ts may call it (a lint rule keeps it so). */
export function issueScope<T extends Omit<Scope, typeof scopeBrand>>(fields: T): T & Branded {
  const scope = Object.freeze({ ...fields }) as T & Branded;
  issued.add(scope);
  return scope;
}

export function assertScope<S extends Scope>(scope: S): S {
  if (!issued.has(scope)) throw new Error("forged scope");
  return scope;
}

/** The provider whose member acted, for the event log (DESIGN §6: provider actions in a client org name it). */
export function actingProviderId(scope: Scope): string | null {
  if (scope.kind === "provider") return scope.providerId;
  if (scope.kind === "organization" && scope.access.via === "provider") return scope.access.providerId;
  return null;
}
