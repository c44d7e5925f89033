import { createCipheriv, createDecipheriv, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptFile,
  decryptString,
  encryptFile,
  SymmetricKey,
  unwrapSymmetricKey,
  utf8Decode,
  utf8Encode,
  wrapSymmetricKey,
} from "@/lib/crypto";
import { encryptAesCbcHmac } from "@/lib/crypto/aes-cbc-hmac";
import { formatEncArrayBuffer } from "@/lib/crypto/enc-array-buffer";
import { attachmentWrappingKey, decryptAttachment, encryptAttachment } from "@/lib/vault/attachment-crypto";
import { expectCryptoError, hex, range, toHex } from "./helpers";

/**
 * Attachments are encrypted as Bitwarden's EncArrayBuffer. The layout, read off the official clients' parser
 * (libs/legacy-crypto/src/models/enc-array-buffer.ts in the CLI's sources): byte 0 is the type (2 =
 * AesCbc256_HmacSha256), bytes 1-16 the IV, 17-48 the HMAC-SHA256 over IV ‖ ciphertext, then the ciphertext.
 */
const KEY = range(64);
const IV = range(16, 0xa0);
const PLAIN = "Keyhouse attachment: a file's bytes.\n";
// Made with Node's crypto (OpenSSL), not lib/crypto: AES-256-CBC under KEY[0..32], HMAC under KEY[32..64].
const KNOWN =
  "02a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" +
  "dac7ac258da430c62e56b59755412bd9aea16df089bae7f7a85eb0c296d995af" +
  "c00caf9dfce73fd8121bd306aebf966eedd7a4524531ef651eafd3c5132e3b591ecf19b01c8caefbfdaeba06248f53f2";

/** The clients' parser, restated with Node's crypto: the parts at their offsets, MAC checked, then decrypted. */
function nodeDecrypt(buffer: Uint8Array, key: Uint8Array): string {
  expect(buffer[0]).toBe(2);
  const iv = buffer.subarray(1, 17);
  const mac = buffer.subarray(17, 49);
  const data = buffer.subarray(49);
  const expected = createHmac("sha256", key.subarray(32)).update(iv).update(data).digest();
  expect(Buffer.from(mac).equals(expected)).toBe(true);
  const decipher = createDecipheriv("aes-256-cbc", key.subarray(0, 32), iv);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}

describe("encrypted files (EncArrayBuffer)", () => {
  it("decrypts the known answer, and writes it byte for byte from the same key and IV", async () => {
    const key = SymmetricKey.fromBytes(KEY);
    expect(utf8Decode(await decryptFile(hex(KNOWN), key))).toBe(PLAIN);
    expect(toHex(formatEncArrayBuffer(await encryptAesCbcHmac(utf8Encode(PLAIN), key, IV)))).toBe(KNOWN);
    // The known answer is what Node's own AES and HMAC make of the layout.
    const cipher = createCipheriv("aes-256-cbc", KEY.subarray(0, 32), IV);
    const data = Buffer.concat([cipher.update(PLAIN, "utf8"), cipher.final()]);
    expect(toHex(hex(KNOWN).subarray(49))).toBe(data.toString("hex"));
  });

  it("encrypts with a fresh IV each time, in the layout the clients parse", async () => {
    const key = SymmetricKey.generate();
    const first = await encryptFile(utf8Encode(PLAIN), key);
    const second = await encryptFile(utf8Encode(PLAIN), key);
    expect(toHex(first.subarray(1, 17))).not.toBe(toHex(second.subarray(1, 17)));
    expect(nodeDecrypt(first, key.toBytes())).toBe(PLAIN);
    expect(utf8Decode(await decryptFile(second, key))).toBe(PLAIN);
  });

  it("refuses a changed byte, another type, a short buffer and the wrong key", async () => {
    const key = SymmetricKey.fromBytes(KEY);
    const tampered = hex(KNOWN);
    tampered[60]! ^= 1;
    await expectCryptoError(decryptFile(tampered, key), "decryptFailed");
    const otherType = hex(KNOWN);
    otherType[0] = 0;
    await expectCryptoError(decryptFile(otherType, key), "wrongEncStringType");
    await expectCryptoError(decryptFile(hex(KNOWN).subarray(0, 49), key), "malformedEncString");
    await expectCryptoError(decryptFile(hex(KNOWN), SymmetricKey.generate()), "decryptFailed");
  });
});

describe("attachments as the clients make them (lib/vault/attachment-crypto.ts)", () => {
  it("wraps the file's key and name under the item's key when it has one, else under the owning key", async () => {
    const ownerKey = SymmetricKey.generate();
    const itemKey = SymmetricKey.generate();
    const bytes = utf8Encode(PLAIN);
    for (const wrappedItemKey of [null, await wrapSymmetricKey(itemKey, ownerKey)]) {
      const wrapping = await attachmentWrappingKey(wrappedItemKey, ownerKey);
      const file = await encryptAttachment("notes.txt", bytes, wrapping);
      const expectedWrapper = wrappedItemKey ? itemKey : ownerKey;
      expect(await decryptString(file.fileName, expectedWrapper)).toBe("notes.txt");
      const fileKey = await unwrapSymmetricKey(file.key, expectedWrapper);
      expect(nodeDecrypt(file.data, fileKey.toBytes())).toBe(PLAIN);
      expect(utf8Decode(await decryptAttachment(file, file.data, wrapping))).toBe(PLAIN);
    }
  });
});
