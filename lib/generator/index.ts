import type { GeneratorOptions } from "./options";
import { generatePassphrase } from "./passphrase";
import { generatePassword } from "./password";

/**
 * The vault's password generator (isomorphic, pure apart from its cryptographic randomness): options and
 * Bitwarden's defaults, passwords, passphrases, and the organization's policy applied to options.
 */
export { GeneratorError } from "./errors";
export {
  CHARACTER_SET_NAMES,
  DEFAULT_GENERATOR_OPTIONS,
  DEFAULT_PASSPHRASE_OPTIONS,
  DEFAULT_PASSWORD_OPTIONS,
  fitPasswordLength,
  generatorOptionsSchema,
  MIN_COUNT,
  PASSPHRASE_WORDS,
  passphraseOptionsSchema,
  PASSWORD_LENGTH,
  passwordOptionsSchema,
  requiredCharacterCount,
  SEPARATOR_MAX_LENGTH,
  type CharacterSet,
  type GeneratorOptions,
  type PassphraseOptions,
  type PasswordOptions,
} from "./options";
export { generatePassphrase } from "./passphrase";
export { AMBIGUOUS_CHARACTERS, CHARACTER_SETS, generatePassword } from "./password";
export { applyGeneratorRules, generatorLimits, type GeneratorLimits } from "./policy";

/** A value of the chosen type. */
export function generate(options: GeneratorOptions): string {
  return options.type === "passphrase" ? generatePassphrase(options.passphrase) : generatePassword(options.password);
}
