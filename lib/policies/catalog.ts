import type { PolicyType } from "@/lib/enums";

type PolicyInfo = {
  name: string;
  description: string;
  /** Whom the policy leaves out (lib/policies/exemptions.ts), in a sentence for admins. */
  appliesTo: string;
};

/** What the console says about each policy. */
export const POLICY_INFO: Record<PolicyType, PolicyInfo> = {
  master_password: {
    name: "Master password requirements",
    description: "Set how long and how strong members' master passwords must be.",
    appliesTo:
      "Applies to every member, owners and admins included, when they create their account from an invitation, join, or change their master password.",
  },
  password_generator: {
    name: "Password generator",
    description: "Set the least the password generator may produce for members.",
    appliesTo: "Applies to every member, owners and admins included.",
  },
  single_org: {
    name: "Single organization",
    description: "Stop members from belonging to any other organization.",
    appliesTo: "Owners and admins are exempt.",
  },
  personal_ownership: {
    name: "Remove individual vault",
    description: "Members save new items to the organization, never to their individual vault.",
    appliesTo: "Owners and admins are exempt.",
  },
  disable_personal_vault_export: {
    name: "Remove individual vault export",
    description: "Members cannot export the items of their individual vault.",
    appliesTo: "Owners, admins and members allowed to manage policies are exempt.",
  },
  two_factor_authentication: {
    name: "Require two-step login",
    description: "Members must set up two-step login to use their vault.",
    appliesTo: "Owners and admins are exempt.",
  },
};

/** What turning "require two-step login" on does, as in Bitwarden (lib/dal/two-step-login-policy.ts). */
export const TWO_STEP_LOGIN_NOTE =
  "When you turn this on, members other than owners and admins who have not turned on two-step login are revoked and mailed why; restore them once they have it. Nobody without two-step login can accept an invitation, and a member who turns it off is revoked.";

/**
 * What turning single organization on does. Bitwarden revokes members who belong to other organizations at that
 * moment; Keyhouse keeps them (nobody loses access by surprise) and only stops further joins.
 */
export const SINGLE_ORG_WARNING =
  "Members who already belong to other organizations stay members here, and keep their other memberships. From now on, members other than owners and admins cannot join or create another organization, and someone invited here in a role other than owner or admin cannot accept while they belong to another organization.";
