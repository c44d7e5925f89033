import "client-only";
import type { SymmetricKey } from "@/lib/crypto";
import {
  type DecryptRequest,
  type DecryptResponse,
  type DecryptResult,
  type DecryptTask,
  decryptTasks,
} from "./decrypt-batch";

export type DecryptPool = {
  decrypt: (tasks: DecryptTask[], keys: Map<string, SymmetricKey>) => Promise<DecryptResult[]>;
  /** How many batches to keep in flight: two per loaded worker, one while the page decrypts itself. */
  capacity: () => number;
  /** Drops the keys the workers hold (the vault locked, or the list was left). */
  forget: () => void;
};

const MAX_WORKERS = 2;

let shared: DecryptPool | null = null;

/**
 * The tab's decryption workers, started on first use and kept: a worker's script is fetched and compiled after the
 * page asks for it (most of a second on a busy machine), so login starts them while it signs in, and the vault finds
 * them loaded. They hold keys only between a decryption and `forget`.
 */
export function decryptPool(): DecryptPool {
  shared ??= createDecryptPool();
  return shared;
}

/**
 * Decrypts batches on Web Workers, round robin, so the page's thread keeps only React's work. The keys a batch needs
 * go with it as raw bytes (a worker of this origin, in this browser). Until a worker has loaded, batches run on this
 * thread, so the first rows never wait for it; so do they without workers, or once one fails.
 */
function createDecryptPool(): DecryptPool {
  let itemKeys = new Map<string, Promise<SymmetricKey>>();
  const onThisThread = (tasks: DecryptTask[], keys: Map<string, SymmetricKey>) =>
    decryptTasks(
      tasks,
      (id) => {
        const key = keys.get(id);
        return key ? Promise.resolve(key) : Promise.reject(new Error("unknown key"));
      },
      itemKeys,
    );
  const forgetHere = () => void (itemKeys = new Map());
  if (typeof Worker === "undefined") return { decrypt: onThisThread, capacity: () => 1, forget: forgetHere };

  const size = Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 1));
  const pending = new Map<number, { resolve: (results: DecryptResult[]) => void; retry: () => void }>();
  let broken = false;
  const ready: Worker[] = [];
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL("./decrypt.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<DecryptResponse>) => {
      const answer = event.data;
      if ("ready" in answer) return void ready.push(worker);
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      waiting?.resolve(answer.results);
    };
    worker.onerror = () => {
      // A worker that cannot start (or fails) hands its batches back to this thread, for good.
      broken = true;
      workers.forEach((each) => each.terminate());
      const retries = [...pending.values()];
      pending.clear();
      retries.forEach((waiting) => waiting.retry());
    };
    return worker;
  });
  let nextId = 0;

  function decrypt(tasks: DecryptTask[], keys: Map<string, SymmetricKey>): Promise<DecryptResult[]> {
    if (broken || ready.length === 0) return onThisThread(tasks, keys);
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, retry: () => onThisThread(tasks, keys).then(resolve, reject) });
      const used = new Set(tasks.map((task) => task.keyId));
      const request: DecryptRequest = {
        type: "decrypt",
        id,
        keys: [...keys]
          .filter(([keyId]) => used.has(keyId))
          .map(([keyId, key]) => ({ id: keyId, bytes: key.toBytes() })),
        tasks,
      };
      ready[id % ready.length]!.postMessage(request);
    });
  }

  function forget() {
    forgetHere();
    // Answers still on their way are dropped with the keys.
    pending.clear();
    if (!broken) workers.forEach((worker) => worker.postMessage({ type: "forget" } satisfies DecryptRequest));
  }

  return { decrypt, capacity: () => (broken || ready.length === 0 ? 1 : 2 * ready.length), forget };
}
