import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/**
 * Password strength, the one place zxcvbn is configured (isomorphic: the browser rates vault passwords and new
 * master passwords, tests run it in Node). Scores are zxcvbn's 0–4; Bitwarden counts 0–2 as weak.
 */

export type StrengthScore = 0 | 1 | 2 | 3 | 4;
export type PasswordStrength = { score: StrengthScore; label: string };

/** Bitwarden's names for the scores (its weak passwords report): 0 and 1 are both "Very weak". */
export const STRENGTH_LABELS: Readonly<Record<StrengthScore, string>> = {
  0: "Very weak",
  1: "Very weak",
  2: "Weak",
  3: "Good",
  4: "Strong",
};

/** The lowest score that is not weak (Bitwarden's reports flag scores of 2 and below). */
export const GOOD_STRENGTH: StrengthScore = 3;

/** Parts of a name or email shorter than this match too many passwords by accident to count as guessable. */
const MIN_GUESSABLE_WORD_LENGTH = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * zxcvbn with the common and English dictionaries, built once per page or process. The dictionaries weigh
 * megabytes, so they load on first use: only the pages that rate a password download them.
 */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      translations: english.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary },
    });
  })();
  return estimator;
}

/**
 * What a guesser tries first for a person or an account: each input (email, name, username) lower-cased, and its
 * parts ("finance@client.example" → also "finance", "client", "example").
 */
export function guessableWords(inputs: readonly string[]): string[] {
  const words = inputs.flatMap((input) => {
    const lowered = input.trim().toLowerCase();
    return [lowered, ...lowered.split(/[^\p{L}\p{N}]+/u)];
  });
  return [...new Set(words.filter((word) => [...word].length >= MIN_GUESSABLE_WORD_LENGTH))];
}

/**
 * How hard `password` is to guess, counting `userInputs` (the person's or the account's own email, name,
 * username) as words a guesser knows.
 */
export async function passwordStrength(
  password: string,
  userInputs: readonly string[] = [],
): Promise<PasswordStrength> {
  const { score } = (await loadEstimator()).check(password, guessableWords(userInputs));
  return { score, label: STRENGTH_LABELS[score] };
}
