import { afterEach, describe, expect, it, vi } from "vitest";
import { SymmetricKey, decryptString, encryptString, randomBytes } from "@/lib/crypto";
import { expectCryptoErrorSync, range } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("SymmetricKey", () => {
  it("accepts exactly 64 bytes", () => {
    expect(SymmetricKey.fromBytes(range(64)).toBytes()).toEqual(range(64));
    for (const length of [0, 32, 63, 65]) {
      expectCryptoErrorSync(() => SymmetricKey.fromBytes(range(length)), "invalidKey");
    }
    const notBytes = Array.from(range(64)) as unknown as Uint8Array;
    expectCryptoErrorSync(() => SymmetricKey.fromBytes(notBytes), "invalidKey");
  });

  it("is isolated from the caller's arrays in both directions", () => {
    const input = range(64);
    const key = SymmetricKey.fromBytes(input);
    input.fill(0);
    const out = key.toBytes();
    out.fill(0);
    expect(key.toBytes()).toEqual(range(64));
  });

  it("generates distinct random keys", () => {
    expect(SymmetricKey.generate().toBase64()).not.toBe(SymmetricKey.generate().toBase64());
  });

  it("round-trips through base64", () => {
    const key = SymmetricKey.generate();
    expect(SymmetricKey.fromBase64(key.toBase64()).toBytes()).toEqual(key.toBytes());
    expectCryptoErrorSync(() => SymmetricKey.fromBase64("not base64"), "invalidBase64");
  });

  it("does not expose key bytes through JSON or enumeration", () => {
    const key = SymmetricKey.fromBytes(randomBytes(64));
    expect(JSON.stringify(key)).toBe("{}");
    expect(Object.keys(key)).toEqual([]);
  });

  it("imports its WebCrypto keys once and reuses them for many operations", async () => {
    const key = SymmetricKey.generate();
    const importKey = vi.spyOn(globalThis.crypto.subtle, "importKey");
    const encs = await Promise.all(Array.from({ length: 20 }, (_, i) => encryptString(`item ${i}`, key)));
    const plain = await Promise.all(encs.map((enc) => decryptString(enc, key)));
    expect(plain[19]).toBe("item 19");
    expect(importKey).toHaveBeenCalledTimes(2); // one AES-CBC key, one HMAC key
  });
});
