import { describe, expect, it } from "vitest";
import { FINGERPRINT_WORDS } from "@/lib/crypto/fingerprint-words";
import {
  AMBIGUOUS_CHARACTERS,
  applyGeneratorRules,
  CHARACTER_SETS,
  DEFAULT_GENERATOR_OPTIONS,
  DEFAULT_PASSPHRASE_OPTIONS,
  DEFAULT_PASSWORD_OPTIONS,
  generate,
  generatePassphrase,
  generatePassword,
  GeneratorError,
  generatorLimits,
  type PasswordOptions,
} from "@/lib/generator";
import { randomIndex } from "@/lib/generator/random";
import { combineGeneratorPolicies } from "@/lib/policies/generator";
import { type PasswordGeneratorPolicyData, POLICY_DEFAULTS } from "@/lib/policies/types";

const password = (overrides: Partial<PasswordOptions>): PasswordOptions => ({
  ...DEFAULT_PASSWORD_OPTIONS,
  ...overrides,
});
const countOf = (value: string, set: string) => [...value].filter((character) => set.includes(character)).length;
const policy = (overrides: Partial<PasswordGeneratorPolicyData>) =>
  combineGeneratorPolicies([{ ...POLICY_DEFAULTS.password_generator, ...overrides }]);
const many = <T>(count: number, make: () => T) => Array.from({ length: count }, make);

/** Pearson's chi-square statistic of observed counts against a uniform expectation. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

function tally(bound: number, draws: number, pick: () => number): number[] {
  const counts = new Array<number>(bound).fill(0);
  for (let i = 0; i < draws; i++) counts[pick()]!++;
  return counts;
}

describe("randomIndex", () => {
  // 200 values, 199 degrees of freedom: a uniform picker exceeds 280 about once in 10,000 runs. Taking a random
  // byte modulo 200 favours 0–55 twice over and scores about 0.12 per draw: some 6,000 here.
  const BOUND = 200;
  const DRAWS = 50_000;
  const CRITICAL = 280;

  it("draws uniformly: a chi-square test passes where a modulo picker fails", () => {
    expect(chiSquare(tally(BOUND, DRAWS, () => randomIndex(BOUND)))).toBeLessThan(CRITICAL);
    const biased = () => crypto.getRandomValues(new Uint8Array(1))[0]! % BOUND;
    expect(chiSquare(tally(BOUND, DRAWS, biased))).toBeGreaterThan(CRITICAL);
  });

  it("rejects draws at or above the largest multiple of the bound instead of wrapping them", () => {
    const bytes = [255, 200, 199];
    const source = (count: number) => new Uint8Array(bytes.splice(0, count));
    // 256 − 256 % 200 = 200: 255 and 200 are thrown away, 199 is kept.
    expect(randomIndex(BOUND, source)).toBe(199);
    expect(bytes).toEqual([]);
  });

  it("uses as many bytes as the bound needs", () => {
    const asked: number[] = [];
    const source = (count: number) => {
      asked.push(count);
      return new Uint8Array(count);
    };
    randomIndex(256, source);
    randomIndex(FINGERPRINT_WORDS.length, source);
    randomIndex(2 ** 32, source);
    expect(asked).toEqual([1, 2, 4]);
  });

  it("refuses bounds it cannot serve", () => {
    for (const bound of [0, -1, 1.5, 2 ** 32 + 1]) expect(() => randomIndex(bound)).toThrow(RangeError);
    expect(randomIndex(1)).toBe(0);
  });
});

describe("generatePassword", () => {
  it("has Bitwarden's defaults: 14 letters and numbers with at least one number", () => {
    expect(DEFAULT_PASSWORD_OPTIONS).toMatchObject({
      length: 14,
      uppercase: true,
      lowercase: true,
      numbers: true,
      special: false,
      minNumbers: 1,
      minSpecial: 0,
    });
    for (const value of many(200, () => generatePassword(DEFAULT_PASSWORD_OPTIONS))) {
      expect(value).toMatch(/^[A-Za-z0-9]{14}$/);
      expect(countOf(value, CHARACTER_SETS.uppercase)).toBeGreaterThan(0);
      expect(countOf(value, CHARACTER_SETS.lowercase)).toBeGreaterThan(0);
      expect(countOf(value, CHARACTER_SETS.numbers)).toBeGreaterThan(0);
    }
  });

  it.each([5, 6, 37, 128])("makes passwords of exactly %i characters", (length) => {
    expect(generatePassword(password({ length }))).toHaveLength(length);
  });

  it("refuses lengths outside 5–128 and options with no characters to draw from", () => {
    expect(() => generatePassword(password({ length: 4 }))).toThrow(GeneratorError);
    expect(() => generatePassword(password({ length: 129 }))).toThrow(GeneratorError);
    expect(() =>
      generatePassword(password({ uppercase: false, lowercase: false, numbers: false, special: false })),
    ).toThrow("Choose at least one kind of character.");
    expect(() => generatePassword(password({ length: 5, special: true, minNumbers: 3, minSpecial: 3 }))).toThrow(
      GeneratorError,
    );
  });

  it("draws only from the chosen sets, and includes every chosen set", () => {
    const options = password({ length: 8, uppercase: false, lowercase: true, numbers: false, special: true });
    for (const value of many(300, () => generatePassword(options))) {
      expect(value).toMatch(/^[a-z!@#$%^&*]{8}$/);
      expect(countOf(value, CHARACTER_SETS.special)).toBeGreaterThan(0);
      expect(countOf(value, CHARACTER_SETS.lowercase)).toBeGreaterThan(0);
    }
  });

  it("honours the minimum numbers and special characters", () => {
    const options = password({ length: 20, special: true, minNumbers: 9, minSpecial: 9 });
    for (const value of many(200, () => generatePassword(options))) {
      expect(countOf(value, CHARACTER_SETS.numbers)).toBeGreaterThanOrEqual(9);
      expect(countOf(value, CHARACTER_SETS.special)).toBeGreaterThanOrEqual(9);
    }
  });

  it("leaves out ambiguous characters when asked", () => {
    const options = password({ length: 128, special: true, avoidAmbiguous: true });
    const joined = many(50, () => generatePassword(options)).join("");
    expect([...AMBIGUOUS_CHARACTERS].filter((character) => joined.includes(character))).toEqual([]);
    const allowed = many(50, () => generatePassword(password({ length: 128 }))).join("");
    expect([...AMBIGUOUS_CHARACTERS].every((character) => allowed.includes(character))).toBe(true);
  });

  it("shuffles: the required characters are not always in front", () => {
    const options = password({ length: 10, uppercase: false, minNumbers: 9 });
    const firsts = many(200, () => generatePassword(options)[0]!);
    expect(firsts.some((character) => /[0-9]/.test(character))).toBe(true);
    expect(firsts.some((character) => /[a-z]/.test(character))).toBe(true);
  });

  it("draws every character of the chosen sets equally often, however large each set", () => {
    const options = password({ length: 128, uppercase: false });
    const alphabet = CHARACTER_SETS.lowercase + CHARACTER_SETS.numbers;
    const counts = new Map([...alphabet].map((character) => [character, 0]));
    for (const value of many(400, () => generatePassword(options)))
      for (const character of value) counts.set(character, counts.get(character)! + 1);
    // 36 characters, 51,200 draws (the two reserved per password barely tilt it): a uniform draw exceeds 80 about
    // once in 10,000 runs. Picking a set first and then a character would make each digit 2.6 times as common.
    expect(chiSquare([...counts.values()])).toBeLessThan(80);
  });
});

const EFF_WORDS = new Set(FINGERPRINT_WORDS);

/** Whether `text` is exactly `count` words of the list joined by `separator`: a few EFF words ("t-shirt") have a hyphen. */
function isWordsJoined(text: string, count: number, separator: string): boolean {
  if (count === 1) return EFF_WORDS.has(text);
  for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
    if (EFF_WORDS.has(text.slice(0, at)) && isWordsJoined(text.slice(at + separator.length), count - 1, separator))
      return true;
  }
  return false;
}

describe("generatePassphrase", () => {
  const words = new Set(FINGERPRINT_WORDS);

  it("has Bitwarden's defaults: six words of the EFF list joined by hyphens", () => {
    expect(DEFAULT_PASSPHRASE_OPTIONS).toEqual({ words: 6, separator: "-", capitalize: false, includeNumber: false });
    expect(isWordsJoined(generatePassphrase(DEFAULT_PASSPHRASE_OPTIONS), 6, "-")).toBe(true);
  });

  it.each([3, 20])("makes passphrases of %i words with the chosen separator", (count) => {
    const value = generatePassphrase({ words: count, separator: "_", capitalize: false, includeNumber: false });
    expect(value.split("_")).toHaveLength(count);
  });

  it("capitalizes each word and puts a digit after exactly one of them", () => {
    for (const value of many(100, () =>
      generatePassphrase({ words: 5, separator: " ", capitalize: true, includeNumber: true }),
    )) {
      const parts = value.split(" ");
      expect(parts).toHaveLength(5);
      expect(parts.every((part) => /^[A-Z]/.test(part))).toBe(true);
      const numbered = parts.filter((part) => /[0-9]$/.test(part));
      expect(numbered).toHaveLength(1);
      expect(words.has(numbered[0]!.slice(0, -1).toLowerCase())).toBe(true);
    }
  });

  it("accepts no separator, and refuses longer ones and word counts outside 3–20", () => {
    expect(generatePassphrase({ ...DEFAULT_PASSPHRASE_OPTIONS, separator: "" })).toMatch(/^[a-z-]+$/);
    expect(() => generatePassphrase({ ...DEFAULT_PASSPHRASE_OPTIONS, separator: "--" })).toThrow(GeneratorError);
    expect(() => generatePassphrase({ ...DEFAULT_PASSPHRASE_OPTIONS, words: 2 })).toThrow(GeneratorError);
    expect(() => generatePassphrase({ ...DEFAULT_PASSPHRASE_OPTIONS, words: 21 })).toThrow(GeneratorError);
  });
});

describe("applyGeneratorRules", () => {
  it("changes nothing without a policy", () => {
    expect(applyGeneratorRules(DEFAULT_GENERATOR_OPTIONS, null)).toEqual({
      options: DEFAULT_GENERATOR_OPTIONS,
      enforced: [],
    });
  });

  it("raises the length and minimums, switches required sets on and names what it enforces", () => {
    const { options, enforced } = applyGeneratorRules(
      DEFAULT_GENERATOR_OPTIONS,
      policy({ minLength: 30, useSpecial: true, minNumbers: 2 }),
    );
    expect(options.password).toMatchObject({ length: 30, special: true, numbers: true, minNumbers: 2 });
    expect(enforced).toEqual(["At least 30 characters", "At least 2 numbers (0-9)", "Special characters (!@#$%^&*)"]);
    for (const value of many(50, () => generate(options))) {
      expect(value.length).toBeGreaterThanOrEqual(30);
      expect(countOf(value, CHARACTER_SETS.special)).toBeGreaterThan(0);
      expect(countOf(value, CHARACTER_SETS.numbers)).toBeGreaterThanOrEqual(2);
    }
  });

  it("keeps what the person chose beyond the policy", () => {
    const mine = {
      ...DEFAULT_GENERATOR_OPTIONS,
      password: password({ length: 64, minNumbers: 5, avoidAmbiguous: true }),
    };
    expect(applyGeneratorRules(mine, policy({ minLength: 20, minNumbers: 2 })).options.password).toEqual(mine.password);
  });

  it("makes room for the minimums when the length is too short for them", () => {
    const { options } = applyGeneratorRules(
      { ...DEFAULT_GENERATOR_OPTIONS, password: password({ length: 5 }) },
      policy({ minNumbers: 9, minSpecial: 9 }),
    );
    expect(options.password.length).toBe(20);
    expect(generatePassword(options.password)).toHaveLength(20);
  });

  it("forces the policy's type and applies its passphrase rules", () => {
    const rules = policy({ defaultType: "passphrase", minWords: 8, capitalize: true, includeNumber: true });
    const { options, enforced } = applyGeneratorRules(DEFAULT_GENERATOR_OPTIONS, rules);
    expect(options.type).toBe("passphrase");
    expect(options.passphrase).toMatchObject({ words: 8, capitalize: true, includeNumber: true });
    expect(enforced).toEqual([
      "Passphrases only, no passwords",
      "At least 8 words",
      "Capitalized words",
      "A number in one word",
    ]);
    // Capitalized, with a digit in one word: lower-cased and without it, eight list words.
    expect(isWordsJoined(generate(options).toLowerCase().replace(/\d/g, ""), 8, "-")).toBe(true);
    expect(generatorLimits(rules)).toMatchObject({
      type: "passphrase",
      passphrase: { minWords: 8, capitalize: true, includeNumber: true },
    });
  });

  it("leaves the type to the person when the policy does", () => {
    const passphrase = { ...DEFAULT_GENERATOR_OPTIONS, type: "passphrase" as const };
    expect(applyGeneratorRules(passphrase, policy({ minLength: 20 })).options.type).toBe("passphrase");
    expect(generatorLimits(policy({ minLength: 20 })).type).toBeNull();
  });
});
