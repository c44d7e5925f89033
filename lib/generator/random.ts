import { randomBytes } from "@/lib/crypto/encoding";

/** Where random bytes come from: the platform's cryptographic source, or a fixed sequence in a test. */
export type ByteSource = (count: number) => Uint8Array;

const MAX_BOUND = 2 ** 32;

/**
 * A uniformly random whole number in [0, bound). Draws the fewest whole bytes that can hold bound − 1 and
 * rejects draws at or above the largest multiple of `bound` those bytes can express, so no value is favoured
 * (taking a remainder of the raw draw would favour the small ones).
 */
export function randomIndex(bound: number, source: ByteSource = randomBytes): number {
  if (!Number.isSafeInteger(bound) || bound < 1 || bound > MAX_BOUND)
    throw new RangeError("The bound must be a whole number from 1 to 2^32.");
  if (bound === 1) return 0;
  const byteCount = Math.ceil(Math.log2(bound) / 8);
  const range = 2 ** (8 * byteCount);
  const limit = range - (range % bound);
  for (;;) {
    const draw = source(byteCount).reduce((value, byte) => value * 256 + byte, 0);
    if (draw < limit) return draw % bound;
  }
}

/** One element of a non-empty list, uniformly. */
export function randomElement<T>(items: readonly T[]): T {
  return items[randomIndex(items.length)]!;
}

/** A uniformly random permutation (Fisher–Yates), as a new array. */
export function shuffle<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}
