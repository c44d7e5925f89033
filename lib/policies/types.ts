import { z } from "zod";
import type { PolicyType } from "@/lib/enums";

/**
 * The shape of each organization policy's `data` (the policy types are listed in lib/enums.ts).
 * Isomorphic: the console validates with these in the browser, the action on the server, and the vault reads
 * stored data through `policyDataOf`.
 */

/** A form sends numbers as text; an empty field is "missing", not zero. */
function wholeNumber(label: string, min: number, max: number) {
  return z.preprocess(
    (value) => (value === "" || value === null ? undefined : typeof value === "string" ? Number(value) : value),
    z
      .number({ error: `Enter the ${label.toLowerCase()}.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min}.`)
      .max(max, `${label} must be at most ${max}.`),
  );
}

const flag = (label: string) => z.boolean({ error: `Choose whether to ${label}.` });

/** zxcvbn scores: 0 accepts anything, 4 is the strongest. */
export const MIN_COMPLEXITY_MAX = 4;

export const masterPasswordPolicySchema = z.object({
  minComplexity: wholeNumber("Minimum complexity", 0, MIN_COMPLEXITY_MAX),
  minLength: wholeNumber("Minimum length", 12, 128),
  requireUpper: flag("require uppercase letters"),
  requireLower: flag("require lowercase letters"),
  requireNumbers: flag("require numbers"),
  requireSpecial: flag("require special characters"),
});
export type MasterPasswordPolicyData = z.infer<typeof masterPasswordPolicySchema>;

export const GENERATOR_TYPES = ["password", "passphrase"] as const;
export type GeneratorType = (typeof GENERATOR_TYPES)[number];

export const passwordGeneratorPolicySchema = z.object({
  /** null: the generator opens with the member's own choice. */
  defaultType: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.enum(GENERATOR_TYPES, { error: "Choose password, passphrase or the member's choice." }).nullable(),
  ),
  minLength: wholeNumber("Minimum length", 5, 128),
  useUpper: flag("require uppercase letters"),
  useLower: flag("require lowercase letters"),
  useNumbers: flag("require numbers"),
  useSpecial: flag("require special characters"),
  minNumbers: wholeNumber("Minimum numbers", 0, 9),
  minSpecial: wholeNumber("Minimum special characters", 0, 9),
  minWords: wholeNumber("Minimum number of words", 3, 20),
  capitalize: flag("capitalize words"),
  includeNumber: flag("include a number"),
});
export type PasswordGeneratorPolicyData = z.infer<typeof passwordGeneratorPolicySchema>;

/** The other policies are on or off and carry nothing. */
const noData = z
  .null()
  .optional()
  .transform(() => null);

export const POLICY_DATA_SCHEMAS = {
  master_password: masterPasswordPolicySchema,
  password_generator: passwordGeneratorPolicySchema,
  single_org: noData,
  personal_ownership: noData,
  disable_personal_vault_export: noData,
  two_factor_authentication: noData,
} as const;

export type PolicyDataMap = { [T in PolicyType]: z.output<(typeof POLICY_DATA_SCHEMAS)[T]> };

export const POLICY_DEFAULTS: PolicyDataMap = {
  master_password: {
    minComplexity: 0,
    minLength: 12,
    requireUpper: false,
    requireLower: false,
    requireNumbers: false,
    requireSpecial: false,
  },
  password_generator: {
    defaultType: null,
    minLength: 5,
    useUpper: false,
    useLower: false,
    useNumbers: false,
    useSpecial: false,
    minNumbers: 0,
    minSpecial: 0,
    minWords: 3,
    capitalize: false,
    includeNumber: false,
  },
  single_org: null,
  personal_ownership: null,
  disable_personal_vault_export: null,
  two_factor_authentication: null,
};

/**
 * A policy's stored data as its schema's shape. Stored data was validated when saved; fields added since (or a
 * policy never saved) take their defaults, so readers never see a partial object.
 */
export function policyDataOf<T extends PolicyType>(type: T, stored: unknown): PolicyDataMap[T] {
  const defaults = POLICY_DEFAULTS[type];
  if (defaults === null) return defaults;
  const merged = { ...defaults, ...(typeof stored === "object" && stored !== null ? stored : {}) };
  const parsed = POLICY_DATA_SCHEMAS[type].safeParse(merged);
  return (parsed.success ? parsed.data : defaults) as PolicyDataMap[T];
}

/** One organization's policy as the console shows it: never-saved policies are off, with default data. */
export type PolicyState = {
  [T in PolicyType]: { id: string | null; type: T; enabled: boolean; data: PolicyDataMap[T] };
}[PolicyType];

/** A policy that applies to a user: enabled, in an organization they belong to, and they are not exempt. */
export type AppliedPolicy<T extends PolicyType = PolicyType> = {
  organizationId: string;
  organizationName: string;
  type: T;
  data: PolicyDataMap[T];
};
