import { expect } from "vitest";
import { asEncString, CRYPTO_ERROR_MESSAGES, CryptoError, type CryptoErrorCode, type EncString } from "@/lib/crypto";

export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "hex"));
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
export const range = (length: number, start = 0): Uint8Array =>
  Uint8Array.from({ length }, (_, i) => (start + i) & 0xff);

/** Awaits a rejection and checks it is a CryptoError with the given code and its fixed message. */
export async function expectCryptoError(promise: Promise<unknown>, code: CryptoErrorCode): Promise<CryptoError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CryptoError);
  const cryptoError = error as CryptoError;
  expect(cryptoError.code).toBe(code);
  expect(cryptoError.message).toBe(CRYPTO_ERROR_MESSAGES[code]);
  return cryptoError;
}

/** Same, for synchronous calls. */
export function expectCryptoErrorSync(run: () => unknown, code: CryptoErrorCode): CryptoError {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(CryptoError);
  expect((caught as CryptoError).code).toBe(code);
  return caught as CryptoError;
}

/** The error's every rendering (message, stack, JSON) must be free of the given secrets. */
export function expectNoSecrets(error: Error, ...secrets: string[]): void {
  const renderings = [error.message, String(error), error.stack ?? "", JSON.stringify(error)];
  for (const secret of secrets) {
    for (const text of renderings) expect(text).not.toContain(secret);
  }
}

/**
 * A malformed value typed as an EncString, as if it had skipped the shape check (a corrupt row, a bug elsewhere): for
 * tests that the decrypt functions still check the shape themselves. The one cast the tests need.
 */
export const uncheckedEncString = (value: string): EncString => value as EncString;

/** Rebuilds a type-2 EncString with one part replaced, keeping valid base64 (so still a well-shaped EncString). */
export function replacePart(enc: string, index: 0 | 1 | 2, mutate: (bytes: Uint8Array) => Uint8Array): EncString {
  const parts = enc.slice(2).split("|");
  const part = parts[index];
  if (part === undefined) throw new Error("bad test input");
  parts[index] = Buffer.from(mutate(Uint8Array.from(Buffer.from(part, "base64")))).toString("base64");
  return asEncString(`2.${parts.join("|")}`);
}

export function flipBit(bytes: Uint8Array, index = 0): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}
