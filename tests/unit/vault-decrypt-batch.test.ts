import { describe, expect, it } from "vitest";
import { encryptString, SymmetricKey, wrapSymmetricKey } from "@/lib/crypto";
import { decryptTasks } from "@/lib/browser/vault-decrypt/decrypt-batch";

describe("decryptTasks (the vault index's batches, on a worker or on the page)", () => {
  it("decrypts under the owner key or the item's own key, and answers null for what does not decrypt", async () => {
    const userKey = SymmetricKey.generate();
    const organizationKey = SymmetricKey.generate();
    const itemKey = SymmetricKey.generate();
    const keys = new Map([
      ["user", userKey],
      ["org", organizationKey],
    ]);
    const keyFor = (id: string) => {
      const key = keys.get(id);
      return key ? Promise.resolve(key) : Promise.reject(new Error("unknown key"));
    };
    const itemKeys = new Map<string, Promise<SymmetricKey>>();
    const wrappedItemKey = await wrapSymmetricKey(itemKey, organizationKey);

    const results = await decryptTasks(
      [
        { keyId: "user", itemKey: null, fields: [await encryptString("Bank", userKey), null, undefined] },
        { keyId: "org", itemKey: wrappedItemKey, fields: [await encryptString("Shared", itemKey)] },
        // Encrypted under another key: the MAC check fails.
        { keyId: "user", itemKey: null, fields: [await encryptString("Other", organizationKey)] },
        // An item key the owner key does not unwrap, and a key the batch does not have.
        { keyId: "user", itemKey: wrappedItemKey, fields: [await encryptString("Shared", itemKey)] },
        { keyId: "missing", itemKey: null, fields: [await encryptString("Bank", userKey)] },
      ],
      keyFor,
      itemKeys,
    );

    expect(results).toEqual([["Bank", null, null], ["Shared"], [null], null, null]);
    // Item keys are kept for the next batch, by owner key.
    expect(itemKeys.size).toBe(2);
  });
});
