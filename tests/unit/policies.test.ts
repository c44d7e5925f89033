import { describe, expect, it } from "vitest";
import { isExemptFromPolicy, type PolicyMembership } from "@/lib/policies/exemptions";
import { combineGeneratorPolicies } from "@/lib/policies/generator";
import {
  checkMasterPassword,
  combineMasterPasswordPolicies,
  describeMasterPasswordRequirements,
} from "@/lib/policies/master-password";
import {
  type MasterPasswordPolicyData,
  masterPasswordPolicySchema,
  type PasswordGeneratorPolicyData,
  passwordGeneratorPolicySchema,
  POLICY_DEFAULTS,
  policyDataOf,
} from "@/lib/policies/types";
import { summarizeUserPolicies } from "@/lib/policies/user-policies";
import { updatePolicySchema } from "@/lib/validation/policies";
import { fieldErrorsOf } from "@/lib/validation/errors";

const NONE: MasterPasswordPolicyData = POLICY_DEFAULTS.master_password;
const requirements = (overrides: Partial<MasterPasswordPolicyData>): MasterPasswordPolicyData => ({
  ...NONE,
  ...overrides,
});
const generator = (overrides: Partial<PasswordGeneratorPolicyData>): PasswordGeneratorPolicyData => ({
  ...POLICY_DEFAULTS.password_generator,
  ...overrides,
});

describe("checkMasterPassword", () => {
  it("accepts a password that meets every requirement", async () => {
    const all = requirements({
      minLength: 16,
      requireUpper: true,
      requireLower: true,
      requireNumbers: true,
      requireSpecial: true,
      minComplexity: 4,
    });
    expect(await checkMasterPassword("Velvet-orbit-canyon-7!", all)).toEqual([]);
  });

  it("names the minimum length, counting characters rather than UTF-16 units", async () => {
    expect(await checkMasterPassword("a".repeat(19), requirements({ minLength: 20 }))).toEqual([
      "Use at least 20 characters.",
    ]);
    expect(await checkMasterPassword("a".repeat(20), requirements({ minLength: 20 }))).toEqual([]);
    expect(await checkMasterPassword("🔑".repeat(12), requirements({ minLength: 13 }))).toEqual([
      "Use at least 13 characters.",
    ]);
  });

  it("names each missing character class", async () => {
    const classes = requirements({
      requireUpper: true,
      requireLower: true,
      requireNumbers: true,
      requireSpecial: true,
    });
    expect(await checkMasterPassword("only lowercase words", classes)).toEqual([
      "Include at least one uppercase letter.",
      "Include at least one number (0-9).",
      "Include at least one special character (!@#$%^&*).",
    ]);
    expect(await checkMasterPassword("ONLY UPPERCASE 12345!", classes)).toEqual([
      "Include at least one lowercase letter.",
    ]);
    // Bitwarden's special characters only: a hyphen is not one.
    expect(await checkMasterPassword("Mixed-case-1-words", requirements({ requireSpecial: true }))).toEqual([
      "Include at least one special character (!@#$%^&*).",
    ]);
  });

  it("rates strength with zxcvbn: a known weak password fails the threshold, a long passphrase passes", async () => {
    const good = requirements({ minComplexity: 3 });
    const [weak] = await checkMasterPassword("password1234", good);
    expect(weak).toMatch(
      /^Choose a stronger password: this one rates .* \([0-2]\), and Good \(3\) or better is required\.$/,
    );
    expect(await checkMasterPassword("velvet-orbit-canyon-pickle-lantern", requirements({ minComplexity: 4 }))).toEqual(
      [],
    );
  });

  it("counts the person's own email and name as guessable", async () => {
    const strong = requirements({ minComplexity: 4 });
    expect(await checkMasterPassword("lindqvist.margareta", strong)).toEqual([]);
    expect(
      await checkMasterPassword("lindqvist.margareta", strong, [
        "margareta.lindqvist@example.com",
        "Margareta Lindqvist",
      ]),
    ).toHaveLength(1);
  });

  it("describes the requirements as a phrase for forms", () => {
    expect(describeMasterPasswordRequirements(requirements({ minLength: 20 }))).toBe("at least 20 characters");
    expect(
      describeMasterPasswordRequirements(requirements({ minLength: 14, requireNumbers: true, minComplexity: 3 })),
    ).toBe("at least 14 characters, a number (0-9) and a strength of Good (3) or better");
  });
});

describe("combineMasterPasswordPolicies", () => {
  it("takes the strictest of several organizations", () => {
    const combined = combineMasterPasswordPolicies([
      requirements({ minLength: 20, requireUpper: true, minComplexity: 2 }),
      requirements({ minLength: 14, requireNumbers: true, minComplexity: 3 }),
      requirements({ requireSpecial: true }),
    ]);
    expect(combined).toEqual({
      minComplexity: 3,
      minLength: 20,
      requireUpper: true,
      requireLower: false,
      requireNumbers: true,
      requireSpecial: true,
    });
  });

  it("answers null when no policy applies", () => {
    expect(combineMasterPasswordPolicies([])).toBeNull();
  });
});

describe("combineGeneratorPolicies", () => {
  it("takes the highest minimums and every required flag", () => {
    const rules = combineGeneratorPolicies([
      generator({ minLength: 14, useUpper: true, minWords: 4, capitalize: true }),
      generator({ minLength: 10, useLower: true, minWords: 6, includeNumber: true }),
    ]);
    expect(rules).toEqual({
      defaultType: null,
      password: {
        minLength: 14,
        useUpper: true,
        useLower: true,
        useNumbers: false,
        useSpecial: false,
        minNumbers: 0,
        minSpecial: 0,
      },
      passphrase: { minWords: 6, capitalize: true, includeNumber: true },
    });
  });

  it("makes the rules consistent: a minimum count requires its class, and the length leaves room for every minimum", () => {
    const rules = combineGeneratorPolicies([
      generator({ minLength: 5, minNumbers: 4, useUpper: true }),
      generator({ minSpecial: 3 }),
    ]);
    expect(rules?.password).toEqual({
      minLength: 8,
      useUpper: true,
      useLower: false,
      useNumbers: true,
      useSpecial: true,
      minNumbers: 4,
      minSpecial: 3,
    });
  });

  it("prefers passwords when organizations disagree on the type, and leaves the choice when none sets one", () => {
    expect(
      combineGeneratorPolicies([generator({ defaultType: "passphrase" }), generator({ defaultType: "password" })])
        ?.defaultType,
    ).toBe("password");
    expect(combineGeneratorPolicies([generator({ defaultType: "passphrase" }), generator({})])?.defaultType).toBe(
      "passphrase",
    );
    expect(combineGeneratorPolicies([generator({})])?.defaultType).toBeNull();
    expect(combineGeneratorPolicies([])).toBeNull();
  });
});

describe("exemptions", () => {
  const member = (role: PolicyMembership["role"], extra: Partial<PolicyMembership> = {}): PolicyMembership => ({
    role,
    permissions: null,
    providerMember: false,
    ...extra,
  });

  it("binds everyone to master password and generator policies", () => {
    for (const type of ["master_password", "password_generator"] as const) {
      expect(isExemptFromPolicy(type, member("owner"))).toBe(false);
      expect(isExemptFromPolicy(type, member("user", { providerMember: true }))).toBe(false);
    }
  });

  it("exempts owners, admins and provider members from single organization, individual vault and two-step login", () => {
    for (const type of ["single_org", "personal_ownership", "two_factor_authentication"] as const) {
      expect(isExemptFromPolicy(type, member("owner"))).toBe(true);
      expect(isExemptFromPolicy(type, member("admin"))).toBe(true);
      expect(isExemptFromPolicy(type, member("user", { providerMember: true }))).toBe(true);
      expect(isExemptFromPolicy(type, member("user"))).toBe(false);
      expect(isExemptFromPolicy(type, member("custom", { permissions: { managePolicies: true } }))).toBe(false);
    }
  });

  it("exempts whoever may manage policies from the individual vault export policy", () => {
    expect(
      isExemptFromPolicy("disable_personal_vault_export", member("custom", { permissions: { managePolicies: true } })),
    ).toBe(true);
    expect(
      isExemptFromPolicy("disable_personal_vault_export", member("custom", { permissions: { managePolicies: false } })),
    ).toBe(false);
    expect(isExemptFromPolicy("disable_personal_vault_export", member("user"))).toBe(false);
  });
});

describe("policy data", () => {
  it("reads stored data with defaults for missing or damaged fields", () => {
    expect(policyDataOf("master_password", null)).toEqual(NONE);
    expect(policyDataOf("master_password", { minLength: 30 })).toEqual({ ...NONE, minLength: 30 });
    expect(policyDataOf("password_generator", { minLength: "not a number" })).toEqual(
      POLICY_DEFAULTS.password_generator,
    );
    expect(policyDataOf("single_org", { anything: true })).toBeNull();
  });

  it("takes form text and names the field that is wrong", () => {
    expect(masterPasswordPolicySchema.parse({ ...NONE, minLength: "20", minComplexity: "3" })).toMatchObject({
      minLength: 20,
      minComplexity: 3,
    });
    const tooShort = masterPasswordPolicySchema.safeParse({ ...NONE, minLength: "8" });
    expect(tooShort.success ? {} : fieldErrorsOf(tooShort.error)).toEqual({
      minLength: "Minimum length must be at least 12.",
    });
    const empty = passwordGeneratorPolicySchema.safeParse({ ...POLICY_DEFAULTS.password_generator, minWords: "" });
    expect(empty.success ? {} : fieldErrorsOf(empty.error)).toEqual({ minWords: "Enter the minimum number of words." });
    expect(
      passwordGeneratorPolicySchema.parse({ ...POLICY_DEFAULTS.password_generator, defaultType: "" }).defaultType,
    ).toBeNull();
  });

  it("chooses the data schema by policy type", () => {
    const organizationId = "6f1c1e9e-8f1a-4f3e-9d55-0c6a4b8d2e11";
    const result = updatePolicySchema.safeParse({
      organizationId,
      type: "master_password",
      enabled: true,
      data: { ...NONE, minLength: 200 },
    });
    expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual({
      "data.minLength": "Minimum length must be at most 128.",
    });
    expect(updatePolicySchema.parse({ organizationId, type: "single_org", enabled: true })).toEqual({
      organizationId,
      type: "single_org",
      enabled: true,
      data: null,
    });
    expect(updatePolicySchema.safeParse({ organizationId, type: "vault_timeout", enabled: true }).success).toBe(false);
  });
});

describe("summarizeUserPolicies", () => {
  it("combines what a user's organizations ask of them", () => {
    const organization = { organizationId: "a", organizationName: "A" };
    const summary = summarizeUserPolicies([
      { ...organization, type: "master_password", data: requirements({ minLength: 20 }) },
      { ...organization, organizationId: "b", type: "master_password", data: requirements({ requireUpper: true }) },
      { ...organization, type: "personal_ownership", data: null },
    ]);
    expect(summary).toMatchObject({
      masterPassword: { minLength: 20, requireUpper: true },
      generator: null,
      singleOrganization: false,
      personalOwnership: true,
      personalVaultExportDisabled: false,
      twoStepLoginRequired: false,
    });
  });
});
