import "server-only";
import type { CustomPermissions } from "@/db/schema";
import { operatorEmails } from "@/lib/server/config";
import type { OrganizationRole, ProviderRole } from "@/lib/enums";
import {
  memberRoleHolds,
  type OrganizationPermission,
  type ProviderPermission,
  providerMemberHoldsInOrganization,
  providerRoleHolds,
} from "./permissions";

/**
 * Pure decisions over membership rows, shared by both gates (proxy.ts and lib/authz/scope.ts) so they cannot drift.
 */

export type OrganizationAccess =
  | {
      readonly via: "member";
      readonly organizationUserId: string;
      readonly role: OrganizationRole;
      readonly flags: CustomPermissions | null;
    }
  | {
      readonly via: "provider";
      readonly providerId: string;
      readonly providerUserId: string;
      readonly role: ProviderRole;
    };

export type OrganizationAccessRow = {
  memberId: string | null;
  memberRole: OrganizationRole | null;
  memberPermissions: CustomPermissions | null;
  providerId: string | null;
  providerUserId: string | null;
  providerRole: ProviderRole | null;
};

/**
 * An operator runs this installation: their email is in ADMIN_EMAILS and verified. Without the second condition,
 * whoever registered a listed address before its owner did would hold /admin (DESIGN §11: an address proves
 * nothing until verified).
 */
export function isOperator(person: { email: string; emailVerified: boolean }): boolean {
  return person.emailVerified && operatorEmails().includes(person.email);
}

/** Membership first (it may hold item rights a provider never has), then the managing provider. */
export function organizationAccessFor(
  row: OrganizationAccessRow,
  permission: OrganizationPermission,
): OrganizationAccess | null {
  if (row.memberId && row.memberRole && memberRoleHolds(row.memberRole, row.memberPermissions, permission)) {
    return { via: "member", organizationUserId: row.memberId, role: row.memberRole, flags: row.memberPermissions };
  }
  if (row.providerId && row.providerUserId && row.providerRole && providerMemberHoldsInOrganization(permission)) {
    return { via: "provider", providerId: row.providerId, providerUserId: row.providerUserId, role: row.providerRole };
  }
  return null;
}

export function providerAccessAllows(role: ProviderRole, permission: ProviderPermission): boolean {
  return providerRoleHolds(role, permission);
}
