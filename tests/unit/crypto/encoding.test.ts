import { describe, expect, it } from "vitest";
import { concatBytes, fromBase64, randomBytes, toBase64, utf8Decode, utf8Encode } from "@/lib/crypto";
import { expectCryptoErrorSync } from "./helpers";

describe("base64", () => {
  it("matches the RFC 4648 §10 test vectors both ways", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "Zg=="],
      ["fo", "Zm8="],
      ["foo", "Zm9v"],
      ["foob", "Zm9vYg=="],
      ["fooba", "Zm9vYmE="],
      ["foobar", "Zm9vYmFy"],
    ];
    for (const [text, b64] of vectors) {
      expect(toBase64(utf8Encode(text))).toBe(b64);
      expect(utf8Decode(fromBase64(b64))).toBe(text);
    }
  });

  it("round-trips every length up to 100 bytes and a 200 KB buffer, like Node's encoder", () => {
    for (let n = 0; n <= 100; n++) {
      const bytes = randomBytes(n);
      const b64 = toBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString("base64"));
      expect(fromBase64(b64)).toEqual(bytes);
    }
    const big = randomBytes(200_000);
    // Buffer.equals: vitest's deep equality is slow on large typed arrays.
    expect(Buffer.from(fromBase64(toBase64(big))).equals(big)).toBe(true);
  });

  it("rejects anything but canonical, padded, standard-alphabet base64", () => {
    const invalid = [
      "Zg", // missing padding
      "Zg=",
      "Z===",
      "Zm9v\n",
      " Zm9v",
      "Zm9v ",
      "Zm 9v",
      "-_-_", // URL-safe alphabet
      "Zh==", // non-zero unused bits
      "Zm9=",
      "Zm9v=",
      "====",
      "é===",
    ];
    for (const b64 of invalid) expectCryptoErrorSync(() => fromBase64(b64), "invalidBase64");
    expectCryptoErrorSync(() => fromBase64(42 as unknown as string), "invalidBase64");
  });
});

describe("utf-8", () => {
  it("round-trips unicode, including astral characters and a leading BOM", () => {
    for (const text of ["", "héllo wörld", "日本語", "🔑🗝️", "\uFEFFbom kept", "a\u0000b"]) {
      expect(utf8Decode(utf8Encode(text))).toBe(text);
    }
  });

  it("rejects invalid UTF-8 instead of replacing it", () => {
    for (const bytes of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xc0, 0xaf]]) {
      expectCryptoErrorSync(() => utf8Decode(Uint8Array.from(bytes)), "invalidUtf8");
    }
  });
});

describe("bytes", () => {
  it("concatenates in order", () => {
    expect(concatBytes()).toEqual(new Uint8Array(0));
    expect(concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3))).toEqual(Uint8Array.of(1, 2, 3));
  });

  it("returns fresh random bytes of any length, including above getRandomValues' 64 KiB limit", () => {
    expect(randomBytes(0)).toHaveLength(0);
    const big = randomBytes(150_000);
    expect(big).toHaveLength(150_000);
    // The last chunk must be filled too (all-zero 1,000 bytes would be a 2^-8000 event).
    expect(big.subarray(149_000).some((b) => b !== 0)).toBe(true);
    expect(toBase64(randomBytes(32))).not.toBe(toBase64(randomBytes(32)));
    expectCryptoErrorSync(() => randomBytes(-1), "invalidLength");
    expectCryptoErrorSync(() => randomBytes(1.5), "invalidLength");
  });
});
