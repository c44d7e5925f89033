import { describe, expect, it } from "vitest";
import { encryptForImport, type ImportBatchItem, toBatches } from "@/components/import-export/import-pipeline";
import { SymmetricKey } from "@/lib/crypto";
import { newCipher } from "@/lib/vault/cipher-model";

const COLLECTION = "11111111-1111-4111-8111-111111111111";

describe("the browser's import pipeline", () => {
  const key = SymmetricKey.generate();

  it("encrypts every item for the collection, reporting progress, and skips what the server would refuse", async () => {
    const good = Array.from({ length: 30 }, (_, index) => ({
      view: newCipher("secure_note", `Note ${index}`),
      row: index + 2,
    }));
    const refused = { view: { ...newCipher("secure_note", "Bad"), reprompt: 2 as never }, row: 99 };
    const progress: number[] = [];
    const result = await encryptForImport([...good, refused], key, COLLECTION, (done) => progress.push(done));
    expect(result.items).toHaveLength(30);
    expect(
      result.items.every((item) => item.collectionIds[0] === COLLECTION && item.cipher.data.name.startsWith("2.")),
    ).toBe(true);
    expect(result.skipped).toEqual([{ row: 99, reason: expect.any(String) }]);
    expect(progress).toEqual([25, 31]);
  });

  it("cuts batches at 100 items, and earlier when a batch would grow too large for one request", () => {
    const item = (size: number) =>
      ({ cipher: { data: { notes: "x".repeat(size) } }, collectionIds: [COLLECTION] }) as unknown as ImportBatchItem;
    expect(toBatches(Array.from({ length: 250 }, () => item(10))).map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(toBatches(Array.from({ length: 5 }, () => item(300_000))).map((batch) => batch.length)).toEqual([2, 2, 1]);
    expect(toBatches([])).toEqual([]);
  });
});
