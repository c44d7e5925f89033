import "client-only";
import { decryptString, type EncString, type SymmetricKey, unwrapSymmetricKey } from "@/lib/crypto";

/**
 * Batch decryption for the vault index (components/vault/vault-index.ts): many short strings of many items, each
 * under its owner's key (the user's or an organization's) or under the item's own key wrapped by it. Shared by the
 * page and the decryption workers, so both run the same code.
 */
export type DecryptTask = {
  /** Names the owner key among the batch's keys. */
  keyId: string;
  /** The item's own key, type 2 under the owner key; null when the owner key encrypts the fields. */
  itemKey: EncString | null;
  fields: (EncString | null | undefined)[];
};

/** One answer per task: the fields in order, null where a field is empty or does not decrypt; null for a bad key. */
export type DecryptResult = (string | null)[] | null;

/** A field in the clear, or null when it is empty or does not decrypt. */
export async function decryptOrNull(value: EncString | null | undefined, key: SymmetricKey): Promise<string | null> {
  return value ? decryptString(value, key).catch(() => null) : null;
}

/**
 * Decrypts the tasks with the keys named by `keyFor`. Item keys are unwrapped once per item key (a cache the
 * caller keeps between batches).
 */
export function decryptTasks(
  tasks: DecryptTask[],
  keyFor: (keyId: string) => Promise<SymmetricKey>,
  itemKeys: Map<string, Promise<SymmetricKey>>,
): Promise<DecryptResult[]> {
  return Promise.all(
    tasks.map(async (task) => {
      let key: SymmetricKey;
      try {
        if (task.itemKey) {
          const itemKey = task.itemKey;
          // By owner too: the same ciphertext under another owner key is another (or no) key.
          const cacheKey = `${task.keyId} ${itemKey}`;
          let cached = itemKeys.get(cacheKey);
          if (!cached) {
            cached = keyFor(task.keyId).then((owner) => unwrapSymmetricKey(itemKey, owner));
            itemKeys.set(cacheKey, cached);
          }
          key = await cached;
        } else key = await keyFor(task.keyId);
      } catch {
        return null;
      }
      return Promise.all(task.fields.map((field) => decryptOrNull(field, key)));
    }),
  );
}

/** A key as the worker receives it: raw bytes, in this browser only. */
export type WorkerKey = { id: string; bytes: Uint8Array };

export type DecryptRequest =
  { type: "decrypt"; id: number; keys: WorkerKey[]; tasks: DecryptTask[] } | { type: "forget" };
/** A batch's answer, or the worker saying it has loaded. */
export type DecryptResponse = { id: number; results: DecryptResult[] } | { ready: true };
