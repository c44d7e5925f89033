import { describe, expect, it } from "vitest";
import { SymmetricKey } from "@/lib/crypto";
import { encryptedLength, limitProblem } from "@/lib/import/limits";
import { addItem, emptyResult, NOTHING_TO_IMPORT } from "@/lib/import/result";
import { encryptedCipherSchema } from "@/lib/validation/cipher";
import { encryptCipher } from "@/lib/vault/cipher-crypto";
import { newCipher } from "@/lib/vault/cipher-model";

function login(name = "Item") {
  const view = newCipher("login", name);
  view.login!.password = "pw-123456";
  return view;
}

describe("limits an import checks before encrypting", () => {
  const key = SymmetricKey.generate();

  it("predicts the length of the ciphertext exactly", async () => {
    for (const text of ["a", "x".repeat(15), "x".repeat(16), "ünïcødé ".repeat(40)]) {
      const view = newCipher("secure_note", text);
      expect((await encryptCipher(view, key)).data.name.length).toBe(encryptedLength(text));
    }
  });

  it("accepts the longest notes the server accepts, and refuses one character more", async () => {
    let longest = 0;
    while (encryptedLength("n".repeat(longest + 1)) <= 10_000) longest += 1;
    const fits = login();
    fits.notes = "n".repeat(longest);
    expect(limitProblem(fits)).toBeNull();
    expect(encryptedCipherSchema.safeParse(await encryptCipher(fits, key)).success).toBe(true);
    const over = login();
    over.notes = "n".repeat(longest + 1);
    expect(limitProblem(over)).toBe("The notes are too long: keep them under about 7,000 characters.");
    expect(encryptedCipherSchema.safeParse(await encryptCipher(over, key)).success).toBe(false);
  });

  it.each([
    [
      "a long name",
      (view: ReturnType<typeof login>) => void (view.name = "n".repeat(700)),
      "The name is too long: keep it under about 680 characters.",
    ],
    [
      "51 URIs",
      (view: ReturnType<typeof login>) =>
        void (view.login!.uris = Array.from({ length: 51 }, (_, i) => ({ uri: `https://${i}.example`, match: null }))),
      "It has more than 50 URIs.",
    ],
    [
      "101 custom fields",
      (view: ReturnType<typeof login>) =>
        void (view.fields = Array.from({ length: 101 }, () => ({
          type: 0 as const,
          name: "f",
          value: "v",
          linkedId: null,
        }))),
      "It has more than 100 custom fields.",
    ],
    [
      "a long password",
      (view: ReturnType<typeof login>) => void (view.login!.password = "p".repeat(8_000)),
      "The username, password or TOTP secret is too long: keep each under about 7,000 characters.",
    ],
    [
      "a long custom field",
      (view: ReturnType<typeof login>) =>
        void (view.fields = [{ type: 1, name: "key", value: "v".repeat(8_000), linkedId: null }]),
      "A custom field is too long: keep each under about 7,000 characters.",
    ],
  ])("skips an item with %s, saying why", (_label, change, reason) => {
    const view = login();
    change(view);
    const result = emptyResult();
    addItem(result, 7, view);
    expect(result).toEqual({ items: [], skipped: [{ row: 7, reason }] });
  });

  it("skips an item with nothing in it, names unnamed ones, and keeps the five newest old passwords", () => {
    const result = emptyResult();
    addItem(result, 1, newCipher("login", "  "));
    const unnamed = newCipher("login", "");
    unnamed.login!.uris = [
      { uri: " ", match: null },
      { uri: "https://www.portal.example.com/a", match: null },
    ];
    unnamed.passwordHistory = Array.from({ length: 7 }, (_, day) => ({
      password: `old-${day}`,
      lastUsedDate: `2025-01-0${day + 1}T00:00:00.000Z`,
    }));
    addItem(result, 2, unnamed);
    expect(result.skipped).toEqual([{ row: 1, reason: NOTHING_TO_IMPORT }]);
    const [item] = result.items;
    expect(item?.view.name).toBe("portal.example.com");
    expect(item?.view.login?.uris).toEqual([{ uri: "https://www.portal.example.com/a", match: null }]);
    expect(item?.view.passwordHistory.map((entry) => entry.password)).toEqual([
      "old-6",
      "old-5",
      "old-4",
      "old-3",
      "old-2",
    ]);
  });
});
