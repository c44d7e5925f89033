import { FINGERPRINT_WORDS } from "@/lib/crypto/fingerprint-words";
import { GeneratorError } from "./errors";
import { type PassphraseOptions, passphraseOptionsSchema } from "./options";
import { randomElement, randomIndex } from "./random";

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A random passphrase: words drawn uniformly (with repetition) from the EFF large list, as Bitwarden does (7,776
 * words, about 12.9 bits each), optionally capitalized, one of them followed by a random digit when a number is
 * asked for, joined by the separator.
 */
export function generatePassphrase(options: PassphraseOptions): string {
  const parsed = passphraseOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new GeneratorError(parsed.error.issues[0]?.message ?? "These passphrase options are not valid.");
  const { words: count, separator, capitalize, includeNumber } = parsed.data;
  const words = Array.from({ length: count }, () => randomElement(FINGERPRINT_WORDS)).map((word) =>
    capitalize ? capitalized(word) : word,
  );
  if (includeNumber) {
    const index = randomIndex(words.length);
    words[index] = `${words[index]}${randomIndex(10)}`;
  }
  return words.join(separator);
}
