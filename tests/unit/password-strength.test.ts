import { describe, expect, it } from "vitest";
import { guessableWords, passwordStrength, STRENGTH_LABELS } from "@/lib/strength/password-strength";

describe("password strength", () => {
  it("rates with zxcvbn's English and common dictionaries, and names the score as Bitwarden does", async () => {
    expect(await passwordStrength("password")).toEqual({ score: 0, label: "Very weak" });
    expect(await passwordStrength("Winter2026!")).toEqual({ score: 2, label: "Weak" });
    expect(await passwordStrength("correct horse battery staple")).toEqual({ score: 4, label: "Strong" });
    expect(await passwordStrength("")).toEqual({ score: 0, label: "Very weak" });
    expect(STRENGTH_LABELS).toEqual({ 0: "Very weak", 1: "Very weak", 2: "Weak", 3: "Good", 4: "Strong" });
  });

  it("counts the person's own words as guessable", async () => {
    const alone = await passwordStrength("Kestrelmoon#9");
    const known = await passwordStrength("Kestrelmoon#9", ["kestrelmoon@example.com"]);
    expect(known.score).toBeLessThan(alone.score);
  });

  it("takes each input and its parts, lower-cased, and skips fragments too short to matter", () => {
    expect(guessableWords(["  Ada.Lovelace@Example.com ", "Ada Lovelace", "it@x.io"])).toEqual([
      "ada.lovelace@example.com",
      "ada",
      "lovelace",
      "example",
      "com",
      "ada lovelace",
      "it@x.io",
    ]);
  });
});
