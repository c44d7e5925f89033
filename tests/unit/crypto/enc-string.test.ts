import { createCipheriv, createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  asEncString,
  CRYPTO_ERROR_MESSAGES,
  CryptoError,
  EncStringType,
  SymmetricKey,
  decryptBytes,
  decryptString,
  encryptBytes,
  encryptString,
  isEncString,
  parseEncString,
  randomBytes,
  type EncString,
} from "@/lib/crypto";
import { encryptBytesWithIv } from "@/lib/crypto/enc-string-fixed-iv";
import { expectCryptoError, expectNoSecrets, flipBit, range, replacePart, uncheckedEncString } from "./helpers";

const b64 = (length: number, fill = 7) => Buffer.alloc(length, fill).toString("base64");
const validType2 = `2.${b64(16)}|${b64(32)}|${b64(32)}`;
const validType4 = `4.${b64(256)}`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("known answers (fixed key bytes 0..63, fixed IV a0..af)", () => {
  // Pinned with tests/support/node-bitwarden.ts (Node's createCipheriv/createHmac).
  const key = SymmetricKey.fromBytes(range(64));
  const iv = range(16, 0xa0);

  it("pins the exact EncString of a unicode string", async () => {
    const enc = await encryptBytesWithIv(new TextEncoder().encode("Keyhouse known-answer test ✓"), key, iv);
    expect(enc).toBe(
      "2.oKGio6SlpqeoqaqrrK2urw==" +
        "|tBL3lYYuDcd6snI06a2yL0XY7K6rBYe6UZDHUU9zL20=" +
        "|Cs8Jq8oiZIgtdwrV0XSCnkG+gG/ao4EflByAEf1f8No=",
    );
    expect(await decryptString(enc, key)).toBe("Keyhouse known-answer test ✓");
  });

  it("pins the EncString of empty plaintext (one full padding block)", async () => {
    const enc = await encryptBytesWithIv(new Uint8Array(0), key, iv);
    expect(enc).toBe(
      "2.oKGio6SlpqeoqaqrrK2urw==|YA0Ho7myxOQIIVPW0XB6pg==|L6eI1872Duh74heVIn7BWY5ZQ5k5BKRPcmIz9PyZq58=",
    );
    expect(await decryptBytes(enc, key)).toEqual(new Uint8Array(0));
  });

  it("insists on a 16-byte IV", async () => {
    await expectCryptoError(encryptBytesWithIv(range(3), key, range(15)), "invalidLength");
  });
});

describe("round trips", () => {
  const key = SymmetricKey.generate();

  it.each([
    ["empty", ""],
    ["ascii", "hunter2"],
    ["unicode", "pässwörd 🔑 日本語 \u0000 end"],
    ["block-sized", "x".repeat(16)],
    ["10 KB", "0123456789".repeat(1024)],
  ])("strings: %s", async (_name, plaintext) => {
    const enc = await encryptString(plaintext, key);
    expect(isEncString(enc, EncStringType.AesCbc256_HmacSha256)).toBe(true);
    expect(await decryptString(enc, key)).toBe(plaintext);
  });

  it("bytes of many lengths, with a fresh IV each time", async () => {
    for (const length of [0, 1, 15, 16, 17, 31, 32, 33, 1000]) {
      const data = randomBytes(length);
      const first = await encryptBytes(data, key);
      const second = await encryptBytes(data, key);
      expect(first).not.toBe(second);
      expect(await decryptBytes(first, key)).toEqual(data);
      expect(parseEncString(first)).toMatchObject({ type: 2 });
      const parsed = parseEncString(first);
      if (parsed?.type !== 2) throw new Error("expected type 2");
      expect(parsed.data.length).toBe((Math.floor(length / 16) + 1) * 16);
    }
  });
});

describe("tampering and wrong keys", () => {
  const key = SymmetricKey.generate();
  const secret = "my bank PIN is 4921";

  const cases: [string, (enc: EncString) => EncString][] = [
    ["a flipped MAC bit", (enc) => replacePart(enc, 2, (b) => flipBit(b, 31))],
    ["a flipped IV bit", (enc) => replacePart(enc, 0, (b) => flipBit(b, 3))],
    ["a flipped ciphertext bit", (enc) => replacePart(enc, 1, (b) => flipBit(b, 0))],
    ["a dropped ciphertext block", (enc) => replacePart(enc, 1, (b) => b.subarray(16))],
  ];

  it.each(cases)("rejects %s without revealing the plaintext", async (_name, tamper) => {
    const enc = tamper(await encryptString(secret + " and more text to span blocks", key));
    const error = await expectCryptoError(decryptString(enc, key), "decryptFailed");
    expectNoSecrets(error, secret, key.toBase64());
  });

  it("rejects ciphertext from one message with the MAC of another", async () => {
    const a = await encryptString("first message!!", key);
    const b = await encryptString("second message!", key);
    const spliced = asEncString(`${a.split("|")[0]}|${b.split("|")[1]}|${a.split("|")[2]}`);
    await expectCryptoError(decryptString(spliced, key), "decryptFailed");
  });

  it("rejects the wrong key, and keys that share only one half", async () => {
    const enc = await encryptString(secret, key);
    const error = await expectCryptoError(decryptString(enc, SymmetricKey.generate()), "decryptFailed");
    expectNoSecrets(error, secret);
    const raw = key.toBytes();
    const sameMacOtherAes = SymmetricKey.fromBytes(Uint8Array.from([...randomBytes(32), ...raw.subarray(32)]));
    await expectCryptoError(decryptString(enc, sameMacOtherAes), "decryptFailed");
  });

  it("verifies the MAC before decrypting anything", async () => {
    const enc = replacePart(await encryptString(secret, key), 2, (b) => flipBit(b));
    const decrypt = vi.spyOn(globalThis.crypto.subtle, "decrypt");
    await expectCryptoError(decryptString(enc, key), "decryptFailed");
    expect(decrypt).not.toHaveBeenCalled();
  });

  it("reports bad padding under a valid MAC as a plain decryption failure", async () => {
    const raw = key.toBytes();
    const iv = range(16);
    const cipher = createCipheriv("aes-256-cbc", raw.subarray(0, 32), iv).setAutoPadding(false);
    const data = Buffer.concat([cipher.update(Buffer.alloc(16, 0x41)), cipher.final()]); // last byte 0x41: bad padding
    const mac = createHmac("sha256", raw.subarray(32)).update(iv).update(data).digest();
    const enc = asEncString(
      `2.${Buffer.from(iv).toString("base64")}|${data.toString("base64")}|${mac.toString("base64")}`,
    );
    await expectCryptoError(decryptBytes(enc, key), "decryptFailed");
  });

  it("rejects invalid UTF-8 in decryptString but not in decryptBytes", async () => {
    const enc = await encryptBytes(Uint8Array.of(0xff, 0xfe), key);
    expect(await decryptBytes(enc, key)).toEqual(Uint8Array.of(0xff, 0xfe));
    await expectCryptoError(decryptString(enc, key), "invalidUtf8");
  });

  it("refuses malformed input and type-4 values before any crypto", async () => {
    await expectCryptoError(decryptString(uncheckedEncString("2.nope"), key), "malformedEncString");
    await expectCryptoError(decryptString(asEncString(validType4), key), "wrongEncStringType");
  });

  it("uses only the fixed sentences as messages", () => {
    for (const message of Object.values(CRYPTO_ERROR_MESSAGES)) expect(message).not.toMatch(/\$\{|%s/);
    expect(new CryptoError("decryptFailed").name).toBe("CryptoError");
  });
});

describe("parseEncString shape validation", () => {
  it("accepts well-formed type 2 and type 4", () => {
    const two = parseEncString(validType2);
    expect(two).toMatchObject({ type: 2 });
    if (two?.type !== 2) throw new Error("expected type 2");
    expect([two.iv.length, two.data.length, two.mac.length]).toEqual([16, 32, 32]);
    const four = parseEncString(validType4);
    expect(four?.type).toBe(4);
    expect(four?.data.length).toBe(256);
  });

  it.each([
    ["empty", ""],
    ["no type", `${b64(16)}|${b64(32)}|${b64(32)}`],
    ["type only", "2."],
    ["unknown type", `3.${b64(16)}|${b64(32)}|${b64(32)}`],
    ["legacy type 0", `0.${b64(16)}|${b64(32)}`],
    ["MAC'd RSA type 6", `6.${b64(256)}|${b64(32)}`],
    ["zero-padded type", `02.${b64(16)}|${b64(32)}|${b64(32)}`],
    ["leading space", ` ${validType2}`],
    ["trailing newline", `${validType2}\n`],
    ["missing MAC", `2.${b64(16)}|${b64(32)}`],
    ["extra part", `${validType2}|${b64(32)}`],
    ["empty part", `2.${b64(16)}||${b64(32)}`],
    ["bad base64", `2.${b64(16)}|!!!!|${b64(32)}`],
    ["unpadded base64", `2.${b64(16).replace(/=+$/, "")}|${b64(32)}|${b64(32)}`],
    ["URL-safe base64", `2.${b64(16, 0xfb).replace(/\+/g, "-")}|${b64(32)}|${b64(32)}`],
    ["iv 15 bytes", `2.${b64(15)}|${b64(32)}|${b64(32)}`],
    ["iv 17 bytes", `2.${b64(17)}|${b64(32)}|${b64(32)}`],
    ["mac 31 bytes", `2.${b64(16)}|${b64(32)}|${b64(31)}`],
    ["mac 33 bytes", `2.${b64(16)}|${b64(32)}|${b64(33)}`],
    ["ciphertext 15 bytes", `2.${b64(16)}|${b64(15)}|${b64(32)}`],
    ["ciphertext 17 bytes", `2.${b64(16)}|${b64(17)}|${b64(32)}`],
    ["type 4 of 255 bytes", `4.${b64(255)}`],
    ["type 4 of 512 bytes", `4.${b64(512)}`],
    ["type 4 with a MAC part", `${validType4}|${b64(32)}`],
    ["type 4 with type-2 body", `4.${b64(16)}|${b64(32)}|${b64(32)}`],
  ])("rejects %s", (_name, input) => {
    expect(parseEncString(input)).toBeNull();
    expect(isEncString(input)).toBe(false);
  });

  it("rejects non-strings and filters by type", () => {
    for (const value of [null, undefined, 42, {}, ["2.a|b|c"]]) {
      expect(parseEncString(value as unknown as string)).toBeNull();
      expect(isEncString(value)).toBe(false);
    }
    expect(isEncString(validType2, 2)).toBe(true);
    expect(isEncString(validType2, 4)).toBe(false);
    expect(isEncString(validType4, 4)).toBe(true);
    expect(isEncString(validType4, 2)).toBe(false);
  });
});
