import type { SymmetricKey } from "@/lib/crypto";
import type { ParsedItem, SkippedRow } from "@/lib/import";
import { encryptedCipherSchema, type EncryptedCipherInput } from "@/lib/validation/cipher";
import { IMPORT_BATCH_SIZE } from "@/lib/validation/items";
import { encryptCipher } from "@/lib/vault/cipher-crypto";

/**
 * The browser's part of an import, after parsing: encrypt each item under the organization key, check it the way
 * the server will, and cut the result into batches small enough for one request each.
 */

export type ImportBatchItem = { cipher: EncryptedCipherInput; collectionIds: string[] };

/** Server actions accept about 1 MB per request; a batch stays well below that however large its items are. */
const BATCH_CHARACTERS = 800_000;

/** Items encrypted between two progress updates. */
const ENCRYPT_STEP = 25;

export type EncryptedImport = { items: ImportBatchItem[]; skipped: SkippedRow[] };

/** Encrypts every item for `collectionId`; an item the server would refuse is skipped with the server's sentence. */
export async function encryptForImport(
  parsed: ParsedItem[],
  key: SymmetricKey,
  collectionId: string,
  onProgress: (done: number) => void,
): Promise<EncryptedImport> {
  const result: EncryptedImport = { items: [], skipped: [] };
  for (let start = 0; start < parsed.length; start += ENCRYPT_STEP) {
    const step = parsed.slice(start, start + ENCRYPT_STEP);
    const ciphers = await Promise.all(step.map((item) => encryptCipher(item.view, key)));
    ciphers.forEach((cipher, index) => {
      const checked = encryptedCipherSchema.safeParse(cipher);
      const row = step[index]!.row;
      if (!checked.success)
        result.skipped.push({ row, reason: checked.error.issues[0]?.message ?? "The server would refuse this item." });
      else if (JSON.stringify(checked.data).length > BATCH_CHARACTERS)
        result.skipped.push({ row, reason: "It is too large to upload." });
      else result.items.push({ cipher: checked.data, collectionIds: [collectionId] });
    });
    onProgress(Math.min(start + ENCRYPT_STEP, parsed.length));
  }
  return result;
}

/** Consecutive batches of at most IMPORT_BATCH_SIZE items and BATCH_CHARACTERS of JSON. */
export function toBatches(items: ImportBatchItem[]): ImportBatchItem[][] {
  const batches: ImportBatchItem[][] = [];
  let current: ImportBatchItem[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = JSON.stringify(item).length;
    if (current.length === IMPORT_BATCH_SIZE || (current.length > 0 && size + itemSize > BATCH_CHARACTERS)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
