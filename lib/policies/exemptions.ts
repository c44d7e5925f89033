import type { OrganizationRole, PolicyType } from "@/lib/enums";

/** A user's membership of an organization, as far as policy exemptions care. */
export type PolicyMembership = {
  role: OrganizationRole;
  /** Custom members' flags; only `managePolicies` matters here. */
  permissions: { managePolicies?: boolean } | null;
  /** The user is also a confirmed member of the provider that manages this organization. */
  providerMember: boolean;
};

/**
 * Who a policy does not bind, following Bitwarden (its server's policy requirements and its web client's
 * policy service agree on these):
 * - Policies bind accepted and confirmed members only; invited and revoked members are outside them (callers
 *   select those rows), and so are provider members acting in a client's console, who are not members.
 * - Master password requirements and the password generator bind everyone, owners included: Bitwarden's
 *   clients apply them whatever the role.
 * - Single organization, remove individual vault and require two-step login exempt owners and admins (Custom
 *   members are bound even when they may manage policies: the server's rule for what it enforces).
 * - Remove individual vault export exempts whoever may manage policies: owners, admins and Custom members with
 *   that permission (the client's rule; only the client enforces it).
 * - A member who also belongs to the managing provider is exempt from all but the first two, as Bitwarden
 *   exempts provider users.
 */
export function isExemptFromPolicy(type: PolicyType, membership: PolicyMembership): boolean {
  const ownerOrAdmin = membership.role === "owner" || membership.role === "admin";
  switch (type) {
    case "master_password":
    case "password_generator":
      return false;
    case "single_org":
    case "personal_ownership":
    case "two_factor_authentication":
      return membership.providerMember || ownerOrAdmin;
    case "disable_personal_vault_export":
      return (
        membership.providerMember ||
        ownerOrAdmin ||
        (membership.role === "custom" && membership.permissions?.managePolicies === true)
      );
  }
}
