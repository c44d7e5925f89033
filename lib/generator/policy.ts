import type { GeneratorRules } from "@/lib/policies/generator";
import { SPECIAL_CHARACTERS } from "@/lib/policies/master-password";
import type { GeneratorType } from "@/lib/policies/types";
import {
  type CharacterSet,
  fitPasswordLength,
  type GeneratorOptions,
  PASSPHRASE_WORDS,
  PASSWORD_LENGTH,
} from "./options";

/**
 * The organization's generator policy as the generator's controls need it: the smallest value each number may
 * take, the sets and passphrase choices that are locked on, and the type, when the policy fixes one.
 */
export type GeneratorLimits = {
  /** The only type allowed, or null when the person chooses. */
  type: GeneratorType | null;
  password: { minLength: number; minNumbers: number; minSpecial: number; required: Record<CharacterSet, boolean> };
  passphrase: { minWords: number; capitalize: boolean; includeNumber: boolean };
};

const NO_LIMITS: GeneratorLimits = {
  type: null,
  password: {
    minLength: PASSWORD_LENGTH.min,
    minNumbers: 0,
    minSpecial: 0,
    required: { uppercase: false, lowercase: false, numbers: false, special: false },
  },
  passphrase: { minWords: PASSPHRASE_WORDS.min, capitalize: false, includeNumber: false },
};

/**
 * The limits of combined rules (lib/policies/generator.ts); none → no limits. A type in the policy is enforced,
 * not merely preselected: the console offers "the member's choice" as the way to leave it open.
 */
export function generatorLimits(rules: GeneratorRules | null): GeneratorLimits {
  if (!rules) return NO_LIMITS;
  const { password, passphrase } = rules;
  return {
    type: rules.defaultType,
    password: {
      minLength: Math.max(PASSWORD_LENGTH.min, password.minLength),
      minNumbers: password.minNumbers,
      minSpecial: password.minSpecial,
      required: {
        uppercase: password.useUpper,
        lowercase: password.useLower,
        numbers: password.useNumbers,
        special: password.useSpecial,
      },
    },
    passphrase: {
      minWords: Math.max(PASSPHRASE_WORDS.min, passphrase.minWords),
      capitalize: passphrase.capitalize,
      includeNumber: passphrase.includeNumber,
    },
  };
}

/** The requirements that bind the given type, in words, for the note under the generator. */
function describeLimits(limits: GeneratorLimits, type: GeneratorType): string[] {
  const typeRule = limits.type
    ? [limits.type === "password" ? "Passwords only, no passphrases" : "Passphrases only, no passwords"]
    : [];
  if (type === "passphrase") {
    const { minWords, capitalize, includeNumber } = limits.passphrase;
    return [
      ...typeRule,
      ...(minWords > NO_LIMITS.passphrase.minWords ? [`At least ${minWords} words`] : []),
      ...(capitalize ? ["Capitalized words"] : []),
      ...(includeNumber ? ["A number in one word"] : []),
    ];
  }
  const { minLength, minNumbers, minSpecial, required } = limits.password;
  return [
    ...typeRule,
    ...(minLength > NO_LIMITS.password.minLength ? [`At least ${minLength} characters`] : []),
    ...(required.uppercase ? ["Uppercase letters (A-Z)"] : []),
    ...(required.lowercase ? ["Lowercase letters (a-z)"] : []),
    ...(minNumbers > 0
      ? [`At least ${minNumbers} ${minNumbers === 1 ? "number" : "numbers"} (0-9)`]
      : required.numbers
        ? ["Numbers (0-9)"]
        : []),
    ...(minSpecial > 0
      ? [`At least ${minSpecial} special ${minSpecial === 1 ? "character" : "characters"} (${SPECIAL_CHARACTERS})`]
      : required.special
        ? [`Special characters (${SPECIAL_CHARACTERS})`]
        : []),
  ];
}

/**
 * Options that satisfy the organization's policy: numbers raised to its minimums, its sets and passphrase choices
 * switched on, its type chosen; everything else as the person set it. `enforced` says, for the resulting type,
 * what the policy requires (empty when nothing binds).
 */
export function applyGeneratorRules(
  options: GeneratorOptions,
  rules: GeneratorRules | null,
): { options: GeneratorOptions; enforced: string[] } {
  const limits = generatorLimits(rules);
  const { password, passphrase } = options;
  const { required } = limits.password;
  const type = limits.type ?? options.type;
  return {
    options: {
      type,
      password: fitPasswordLength({
        ...password,
        length: Math.max(password.length, limits.password.minLength),
        uppercase: password.uppercase || required.uppercase,
        lowercase: password.lowercase || required.lowercase,
        numbers: password.numbers || required.numbers,
        special: password.special || required.special,
        minNumbers: Math.max(password.minNumbers, limits.password.minNumbers),
        minSpecial: Math.max(password.minSpecial, limits.password.minSpecial),
      }),
      passphrase: {
        ...passphrase,
        words: Math.max(passphrase.words, limits.passphrase.minWords),
        capitalize: passphrase.capitalize || limits.passphrase.capitalize,
        includeNumber: passphrase.includeNumber || limits.passphrase.includeNumber,
      },
    },
    enforced: describeLimits(limits, type),
  };
}
