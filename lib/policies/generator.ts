import type { GeneratorType, PasswordGeneratorPolicyData } from "./types";

/**
 * The rules the vault's password generator must honour. Every number is a floor and every flag a "must": the
 * generator takes the member's own settings and raises them to these (max of numbers, OR of flags), and shows
 * the raised controls as locked. The rules are already consistent with each other, so the generator can apply
 * them field by field.
 */
export type GeneratorRules = {
  /** The type the generator opens with; null leaves the member's choice. */
  defaultType: GeneratorType | null;
  password: {
    minLength: number;
    useUpper: boolean;
    useLower: boolean;
    useNumbers: boolean;
    useSpecial: boolean;
    minNumbers: number;
    minSpecial: number;
  };
  passphrase: { minWords: number; capitalize: boolean; includeNumber: boolean };
};

/**
 * The effective generator rules of several organizations' policies: the strictest of each. When one asks for
 * passwords and another for passphrases, passwords win (Bitwarden does the same). None given → null: the
 * generator is unrestricted.
 */
export function combineGeneratorPolicies(policies: readonly PasswordGeneratorPolicyData[]): GeneratorRules | null {
  if (policies.length === 0) return null;
  const types = new Set(policies.map((policy) => policy.defaultType));
  const max = (pick: (policy: PasswordGeneratorPolicyData) => number) => Math.max(...policies.map(pick));
  const any = (pick: (policy: PasswordGeneratorPolicyData) => boolean) => policies.some(pick);
  const minNumbers = max((policy) => policy.minNumbers);
  const minSpecial = max((policy) => policy.minSpecial);
  const useUpper = any((policy) => policy.useUpper);
  const useLower = any((policy) => policy.useLower);
  // A minimum count of a character class requires the class, and the length must leave room for every minimum.
  const useNumbers = minNumbers > 0 || any((policy) => policy.useNumbers);
  const useSpecial = minSpecial > 0 || any((policy) => policy.useSpecial);
  const roomNeeded = minNumbers + minSpecial + (useUpper ? 1 : 0) + (useLower ? 1 : 0);
  return {
    defaultType: types.has("password") ? "password" : types.has("passphrase") ? "passphrase" : null,
    password: {
      minLength: Math.max(
        max((policy) => policy.minLength),
        roomNeeded,
      ),
      useUpper,
      useLower,
      useNumbers,
      useSpecial,
      minNumbers,
      minSpecial,
    },
    passphrase: {
      minWords: max((policy) => policy.minWords),
      capitalize: any((policy) => policy.capitalize),
      includeNumber: any((policy) => policy.includeNumber),
    },
  };
}
