import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  asEncString,
  EncStringType,
  SymmetricKey,
  encryptBytes,
  fromBase64,
  decryptString,
  generateRsaKeyPair,
  isEncString,
  isValidPublicKey,
  parseEncString,
  randomBytes,
  rsaDecrypt,
  rsaEncrypt,
  toBase64,
  unwrapPrivateKey,
  unwrapSymmetricKey,
  unwrapSymmetricKeyWithPrivateKey,
  wrapPrivateKey,
  wrapSymmetricKey,
  wrapSymmetricKeyForPublicKey,
  type RsaKeyPair,
} from "@/lib/crypto";
import { expectCryptoError, expectNoSecrets, flipBit, uncheckedEncString } from "./helpers";

let alice: RsaKeyPair;
let bob: RsaKeyPair;

beforeAll(async () => {
  [alice, bob] = await Promise.all([generateRsaKeyPair(), generateRsaKeyPair()]);
});

describe("RSA key pairs", () => {
  it("are 2048-bit RSA: base64 SPKI public key and PKCS#8 private key", async () => {
    expect(await isValidPublicKey(alice.publicKey)).toBe(true);
    expect(fromBase64(alice.publicKey).length).toBe(294); // SPKI of a 2048-bit modulus with e = 65537
    expect(alice.privateKey[0]).toBe(0x30); // DER SEQUENCE
    expect(alice.publicKey).not.toBe(bob.publicKey);
  });

  it("isValidPublicKey rejects garbage, other sizes and other algorithms", async () => {
    const spki = { type: "spki", format: "der" } as const;
    const rsa1024 = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export(spki).toString("base64");
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export(spki).toString("base64");
    for (const value of ["", "abc", "not base64!", toBase64(randomBytes(294)), rsa1024, ec, null, 7]) {
      expect(await isValidPublicKey(value)).toBe(false);
    }
  });
});

describe("type-4 encryption", () => {
  it("round-trips up to 214 bytes and is randomized", async () => {
    for (const length of [1, 64, 214]) {
      const data = randomBytes(length);
      const enc = await rsaEncrypt(data, alice.publicKey);
      expect(isEncString(enc, EncStringType.Rsa2048_OaepSha1)).toBe(true);
      expect(parseEncString(enc)?.data.length).toBe(256);
      expect(await rsaDecrypt(enc, alice.privateKey)).toEqual(data);
      expect(await rsaEncrypt(data, alice.publicKey)).not.toBe(enc);
    }
  });

  it("refuses data longer than OAEP-SHA1 allows", async () => {
    await expectCryptoError(rsaEncrypt(randomBytes(215), alice.publicKey), "dataTooLong");
  });

  it("fails cleanly for the wrong private key, tampering, wrong types and bad keys", async () => {
    const secret = randomBytes(64);
    const enc = await rsaEncrypt(secret, alice.publicKey);
    const error = await expectCryptoError(rsaDecrypt(enc, bob.privateKey), "decryptFailed");
    expectNoSecrets(error, toBase64(secret));
    const parsed = parseEncString(enc);
    if (!parsed) throw new Error("expected a parsed EncString");
    await expectCryptoError(
      rsaDecrypt(asEncString(`4.${toBase64(flipBit(parsed.data, 100))}`), alice.privateKey),
      "decryptFailed",
    );
    const type2 = await encryptBytes(secret, SymmetricKey.generate());
    await expectCryptoError(rsaDecrypt(type2, alice.privateKey), "wrongEncStringType");
    await expectCryptoError(rsaDecrypt(uncheckedEncString("4.short"), alice.privateKey), "malformedEncString");
    await expectCryptoError(rsaDecrypt(enc, randomBytes(1200)), "invalidPrivateKey");
    await expectCryptoError(rsaEncrypt(secret, "AAAA"), "invalidPublicKey");
    await expectCryptoError(rsaEncrypt(secret, "%%%"), "invalidPublicKey");
  });
});

describe("key wrapping", () => {
  it("wraps a symmetric key under another as type 2", async () => {
    const key = SymmetricKey.generate();
    const wrappingKey = SymmetricKey.generate();
    const wrapped = await wrapSymmetricKey(key, wrappingKey);
    expect(isEncString(wrapped, 2)).toBe(true);
    expect(wrapped).not.toContain(key.toBase64());
    expect((await unwrapSymmetricKey(wrapped, wrappingKey)).toBytes()).toEqual(key.toBytes());
    await expectCryptoError(unwrapSymmetricKey(wrapped, SymmetricKey.generate()), "decryptFailed");
  });

  it("refuses to unwrap authentic data that is not a 64-byte key", async () => {
    const wrappingKey = SymmetricKey.generate();
    const halfKey = await encryptBytes(randomBytes(32), wrappingKey);
    await expectCryptoError(unwrapSymmetricKey(halfKey, wrappingKey), "invalidKey");
    await expectCryptoError(
      unwrapSymmetricKeyWithPrivateKey(await rsaEncrypt(randomBytes(32), alice.publicKey), alice.privateKey),
      "invalidKey",
    );
  });

  it("wraps a symmetric key for a public key as type 4", async () => {
    const orgKey = SymmetricKey.generate();
    const wrapped = await wrapSymmetricKeyForPublicKey(orgKey, alice.publicKey);
    expect(isEncString(wrapped, 4)).toBe(true);
    expect((await unwrapSymmetricKeyWithPrivateKey(wrapped, alice.privateKey)).toBytes()).toEqual(orgKey.toBytes());
    await expectCryptoError(unwrapSymmetricKeyWithPrivateKey(wrapped, bob.privateKey), "decryptFailed");
  });

  it("wraps the private key under the user key and checks it on the way out", async () => {
    const userKey = SymmetricKey.generate();
    const wrapped = await wrapPrivateKey(alice.privateKey, userKey);
    expect(isEncString(wrapped, 2)).toBe(true);
    expect(await unwrapPrivateKey(wrapped, userKey)).toEqual(alice.privateKey);
    await expectCryptoError(unwrapPrivateKey(wrapped, SymmetricKey.generate()), "decryptFailed");
    const notAKey = await encryptBytes(randomBytes(100), userKey);
    await expectCryptoError(unwrapPrivateKey(notAKey, userKey), "invalidPrivateKey");
  });

  it("lets a provider member reach a client's items: private key → provider key → organization key", async () => {
    const providerKey = SymmetricKey.generate();
    const orgKey = SymmetricKey.generate();
    const memberProviderKey = await wrapSymmetricKeyForPublicKey(providerKey, bob.publicKey); // provider_users.key
    const providerOrgKey = await wrapSymmetricKey(orgKey, providerKey); // provider_organizations.key
    const itemName = await encryptBytes(new TextEncoder().encode("Client VPN"), orgKey);

    const reachedProviderKey = await unwrapSymmetricKeyWithPrivateKey(memberProviderKey, bob.privateKey);
    const reachedOrgKey = await unwrapSymmetricKey(providerOrgKey, reachedProviderKey);
    expect(reachedOrgKey.toBytes()).toEqual(orgKey.toBytes());
    expect(await decryptString(itemName, reachedOrgKey)).toBe("Client VPN");
  });
});
