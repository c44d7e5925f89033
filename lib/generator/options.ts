import { z } from "zod";
import { GENERATOR_TYPES } from "@/lib/policies/types";

/**
 * What the generator can be asked for, with Bitwarden's bounds and defaults (its generator-core: passwords of
 * 5–128 characters, at most 9 required numbers or special characters, 3–20 words, a one-character separator).
 */

export const PASSWORD_LENGTH = { min: 5, max: 128 } as const;
export const MIN_COUNT = { min: 0, max: 9 } as const;
export const PASSPHRASE_WORDS = { min: 3, max: 20 } as const;
export const SEPARATOR_MAX_LENGTH = 1;

const whole = (label: string, bounds: { min: number; max: number }) =>
  z
    .number({ error: `Enter the ${label.toLowerCase()}.` })
    .int(`${label} must be a whole number.`)
    .min(bounds.min, `${label} must be at least ${bounds.min}.`)
    .max(bounds.max, `${label} must be at most ${bounds.max}.`);

export const passwordOptionsSchema = z
  .object({
    length: whole("Length", PASSWORD_LENGTH),
    uppercase: z.boolean(),
    lowercase: z.boolean(),
    numbers: z.boolean(),
    special: z.boolean(),
    minNumbers: whole("Minimum numbers", MIN_COUNT),
    minSpecial: whole("Minimum special characters", MIN_COUNT),
    avoidAmbiguous: z.boolean(),
  })
  .refine((options) => options.uppercase || options.lowercase || options.numbers || options.special, {
    error: "Choose at least one kind of character.",
  })
  .refine((options) => options.length >= requiredCharacterCount(options), {
    error: "The length must leave room for every required character.",
    path: ["length"],
  });
export type PasswordOptions = z.infer<typeof passwordOptionsSchema>;

export const passphraseOptionsSchema = z.object({
  words: whole("Number of words", PASSPHRASE_WORDS),
  separator: z.string().max(SEPARATOR_MAX_LENGTH, `The word separator is at most ${SEPARATOR_MAX_LENGTH} character.`),
  capitalize: z.boolean(),
  includeNumber: z.boolean(),
});
export type PassphraseOptions = z.infer<typeof passphraseOptionsSchema>;

export const generatorOptionsSchema = z.object({
  type: z.enum(GENERATOR_TYPES),
  password: passwordOptionsSchema,
  passphrase: passphraseOptionsSchema,
});
export type GeneratorOptions = z.infer<typeof generatorOptionsSchema>;

/** Bitwarden's defaults: 14 characters of letters and numbers, ambiguous characters allowed. */
export const DEFAULT_PASSWORD_OPTIONS: Readonly<PasswordOptions> = Object.freeze({
  length: 14,
  uppercase: true,
  lowercase: true,
  numbers: true,
  special: false,
  minNumbers: 1,
  minSpecial: 0,
  avoidAmbiguous: false,
});

/** Bitwarden's defaults: six words (EFF's advice for its large list) joined by hyphens. */
export const DEFAULT_PASSPHRASE_OPTIONS: Readonly<PassphraseOptions> = Object.freeze({
  words: 6,
  separator: "-",
  capitalize: false,
  includeNumber: false,
});

export const DEFAULT_GENERATOR_OPTIONS: Readonly<GeneratorOptions> = Object.freeze({
  type: "password",
  password: DEFAULT_PASSWORD_OPTIONS,
  passphrase: DEFAULT_PASSPHRASE_OPTIONS,
});

/** The kinds of character a password can hold, in display order. */
export const CHARACTER_SET_NAMES = ["uppercase", "lowercase", "numbers", "special"] as const;
export type CharacterSet = (typeof CHARACTER_SET_NAMES)[number];

type SetChoices = Record<CharacterSet, boolean> & { minNumbers: number; minSpecial: number };

/**
 * How many characters each chosen set reserves: one of each chosen letter case, and the minimum numbers and
 * special characters (at least one each when chosen, so every chosen set appears). Unchosen sets reserve none.
 */
export function reservedCounts(options: SetChoices): [CharacterSet, number][] {
  const counts: [CharacterSet, number][] = [
    ["uppercase", options.uppercase ? 1 : 0],
    ["lowercase", options.lowercase ? 1 : 0],
    ["numbers", options.numbers ? Math.max(1, options.minNumbers) : 0],
    ["special", options.special ? Math.max(1, options.minSpecial) : 0],
  ];
  return counts.filter(([, count]) => count > 0);
}

export function requiredCharacterCount(options: SetChoices): number {
  return reservedCounts(options).reduce((sum, [, count]) => sum + count, 0);
}

/** Raises the length when the chosen sets and minimums need more room (as Bitwarden's generator does). */
export function fitPasswordLength(options: PasswordOptions): PasswordOptions {
  // At most 1 + 1 + 9 + 9 characters are reserved, far below the longest length.
  const length = Math.max(options.length, requiredCharacterCount(options));
  return length === options.length ? options : { ...options, length };
}
