import { SPECIAL_CHARACTERS } from "@/lib/policies/master-password";
import { GeneratorError } from "./errors";
import { type CharacterSet, type PasswordOptions, passwordOptionsSchema, reservedCounts } from "./options";
import { randomElement, shuffle } from "./random";

/** Characters that are easy to mistake for one another in many fonts (Bitwarden's list). */
export const AMBIGUOUS_CHARACTERS = "IOl01";

/** The characters of each set. Special characters are Bitwarden's, which the policies check for too. */
export const CHARACTER_SETS: Readonly<Record<CharacterSet, string>> = {
  uppercase: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  lowercase: "abcdefghijklmnopqrstuvwxyz",
  numbers: "0123456789",
  special: SPECIAL_CHARACTERS,
};

function charactersOf(set: CharacterSet, avoidAmbiguous: boolean): string[] {
  const characters = [...CHARACTER_SETS[set]];
  return avoidAmbiguous ? characters.filter((character) => !AMBIGUOUS_CHARACTERS.includes(character)) : characters;
}

/**
 * A random password: the reserved characters drawn from their sets, the rest from all chosen sets together,
 * then shuffled so the reserved ones sit anywhere. Every draw is uniform over a cryptographic source.
 */
export function generatePassword(options: PasswordOptions): string {
  const parsed = passwordOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new GeneratorError(parsed.error.issues[0]?.message ?? "These password options are not valid.");
  const { length, avoidAmbiguous } = parsed.data;
  const reserved = reservedCounts(parsed.data);
  const pool = reserved.flatMap(([set]) => charactersOf(set, avoidAmbiguous));
  const characters = reserved.flatMap(([set, count]) => {
    const candidates = charactersOf(set, avoidAmbiguous);
    return Array.from({ length: count }, () => randomElement(candidates));
  });
  while (characters.length < length) characters.push(randomElement(pool));
  return shuffle(characters).join("");
}
