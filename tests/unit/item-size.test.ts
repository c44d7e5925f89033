import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { SymmetricKey } from "@/lib/crypto";
import { ACTION_BODY_LIMIT_BYTES, actionBodyBytes, itemTooLargeProblem } from "@/lib/limits";
import { encryptCipher } from "@/lib/vault/cipher-crypto";
import { CIPHER_LIMITS, newCipher } from "@/lib/vault/cipher-model";
import { createItemSchema } from "@/lib/validation/items";

// What the browser runs to post a server action's arguments (Next.js's own copy of React's Flight client).
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.edge") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

/** A login whose custom fields names and values each encrypt to just under the server's 10,000-character limit per value. */
async function itemWithFields(count: number) {
  const view = newCipher("login", "Big item");
  view.login = { ...view.login!, username: "someone", password: "hunter2" };
  view.fields = Array.from({ length: count }, (_, index) => ({
    type: 0 as const,
    name: `${index} ${"n".repeat(7000)}`,
    value: "x".repeat(7300),
    linkedId: null,
  }));
  const cipher = await encryptCipher(view, SymmetricKey.generate());
  return { owner: "me" as const, cipher, folderId: null, favorite: false, absent: undefined, marker: "$plain" };
}

describe("an item too large for a server action request is caught in the browser", () => {
  it("counts the bytes React posts for the action's arguments", async () => {
    const input = await itemWithFields(3);
    const body = await encodeReply([input]);
    expect(typeof body).toBe("string");
    expect(actionBodyBytes([input])).toBe(new TextEncoder().encode(body as string).length);
  });

  it("an item the schema accepts, with the most custom fields, is refused with a sentence before sending", async () => {
    const input = await itemWithFields(CIPHER_LIMITS.fields);
    const parsed = createItemSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(
      input.cipher.data.fields.every(
        (field) => field.name!.length <= CIPHER_LIMITS.valueLength && field.value!.length <= CIPHER_LIMITS.valueLength,
      ),
    ).toBe(true);
    expect(actionBodyBytes([input])).toBeGreaterThan(ACTION_BODY_LIMIT_BYTES);
    expect(itemTooLargeProblem([input])).toMatch(
      /^This item is too large to save: encrypted, it comes to \d\.\d\d MB, and the most the server accepts is 1\.00 MB\. Shorten its notes or remove some custom fields, then save again\.$/,
    );
  });

  it("an ordinary item passes", async () => {
    expect(itemTooLargeProblem([await itemWithFields(10)])).toBeNull();
  });
});
