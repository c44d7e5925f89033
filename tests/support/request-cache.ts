import { AsyncLocalStorage } from "node:async_hooks";

/**
 * React's `cache` as Next.js gives it to a request's render: one memo per request, keyed by the function and its
 * arguments (objects by identity). Outside a render React's own `cache` memoises nothing, so a test that counts a
 * request's statements mocks `cache` with this and runs the request inside `asOneRequest`.
 */
const requestMemos = new AsyncLocalStorage<Map<unknown, Map<string, unknown>>>();
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

function keyOf(args: unknown[]): string {
  return args
    .map((arg) => {
      if ((typeof arg === "object" && arg !== null) || typeof arg === "function") {
        if (!objectIds.has(arg)) objectIds.set(arg, (nextObjectId += 1));
        return `#${objectIds.get(arg)}`;
      }
      return `${typeof arg}:${String(arg)}`;
    })
    .join("|");
}

export function requestCache<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    const memos = requestMemos.getStore();
    if (!memos) return fn(...args);
    let memo = memos.get(fn);
    if (!memo) memos.set(fn, (memo = new Map()));
    const key = keyOf(args);
    if (!memo.has(key)) memo.set(key, fn(...args));
    return memo.get(key) as R;
  };
}

export function asOneRequest<T>(work: () => Promise<T>): Promise<T> {
  return requestMemos.run(new Map(), work);
}
