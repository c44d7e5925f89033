import "client-only";
import { SymmetricKey, toBase64 } from "@/lib/crypto";
import { type DecryptRequest, type DecryptResponse, decryptTasks, type WorkerKey } from "./decrypt-batch";

/**
 * A Web Worker that decrypts the vault index's fields off the page's main thread (./decrypt-pool.ts). It receives
 * the keys from the page that unwrapped them, inside this browser only; nothing leaves it, and the page tells it to
 * forget them when the vault locks or the list is left.
 */
const keys = new Map<string, { base64: string; key: Promise<SymmetricKey> }>();
const itemKeys = new Map<string, Promise<SymmetricKey>>();

function keyFor(id: string): Promise<SymmetricKey> {
  return keys.get(id)?.key ?? Promise.reject(new Error("unknown key"));
}

/** Each batch names its keys; one imported for an earlier batch is reused only while its bytes are the same. */
function learn(sent: WorkerKey[]): void {
  for (const { id, bytes } of sent) {
    const base64 = toBase64(bytes);
    if (keys.get(id)?.base64 !== base64) keys.set(id, { base64, key: Promise.resolve(SymmetricKey.fromBytes(bytes)) });
  }
}

self.onmessage = async (event: MessageEvent<DecryptRequest>) => {
  if (event.data.type === "forget") {
    keys.clear();
    itemKeys.clear();
    return;
  }
  const { id, keys: sent, tasks } = event.data;
  learn(sent);
  const results = await decryptTasks(tasks, keyFor, itemKeys);
  self.postMessage({ id, results } satisfies DecryptResponse);
};

// Loaded: the pool sends batches here from now on (until then the page decrypts them itself).
self.postMessage({ ready: true } satisfies DecryptResponse);
