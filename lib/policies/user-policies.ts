import { combineGeneratorPolicies, type GeneratorRules } from "./generator";
import { combineMasterPasswordPolicies, type MasterPasswordRequirements } from "./master-password";
import type { PolicyType } from "@/lib/enums";
import type { AppliedPolicy, PolicyDataMap } from "./types";

/**
 * Everything the policies of a user's organizations ask of them, ready for the forms and the vault: the
 * combined master password requirements (change of master password), the generator rules, and whether they may
 * keep and export individual items. `applied` keeps each policy with its organization, for messages.
 */
export type UserPolicies = {
  applied: AppliedPolicy[];
  masterPassword: MasterPasswordRequirements | null;
  generator: GeneratorRules | null;
  singleOrganization: boolean;
  /** "Remove individual vault": new items must belong to an organization. */
  personalOwnership: boolean;
  personalVaultExportDisabled: boolean;
  twoStepLoginRequired: boolean;
};

function dataOf<T extends PolicyType>(applied: readonly AppliedPolicy[], type: T): PolicyDataMap[T][] {
  return applied.filter((policy): policy is AppliedPolicy<T> => policy.type === type).map((policy) => policy.data);
}

export function summarizeUserPolicies(applied: AppliedPolicy[]): UserPolicies {
  const has = (type: PolicyType) => applied.some((policy) => policy.type === type);
  return {
    applied,
    masterPassword: combineMasterPasswordPolicies(dataOf(applied, "master_password")),
    generator: combineGeneratorPolicies(dataOf(applied, "password_generator")),
    singleOrganization: has("single_org"),
    personalOwnership: has("personal_ownership"),
    personalVaultExportDisabled: has("disable_personal_vault_export"),
    twoStepLoginRequired: has("two_factor_authentication"),
  };
}
