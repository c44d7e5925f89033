import { createPrivateKey, createPublicKey, randomBytes as nodeRandomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  MIN_KDF_ITERATIONS,
  asEncString,
  SymmetricKey,
  createAccountKeys,
  decryptBytes,
  decryptString,
  deriveLoginSecrets,
  deriveMasterKey,
  encryptBytes,
  encryptString,
  fingerprintPhrase,
  generateRsaKeyPair,
  hashMasterPassword,
  pbkdf2Kdf,
  hkdfExpand,
  randomBytes,
  rsaDecrypt,
  rsaEncrypt,
  stretchMasterKey,
  toBase64,
  unlockUserKey,
  unwrapPrivateKey,
  unwrapSymmetricKeyWithPrivateKey,
  type RsaKeyPair,
} from "@/lib/crypto";
import { encryptBytesWithIv } from "@/lib/crypto/enc-string-fixed-iv";
import * as node from "@/tests/support/node-bitwarden";

/**
 * lib/crypto (WebCrypto) against tests/support/node-bitwarden.ts (Node's crypto/OpenSSL):
 * if both agree byte for byte, the formats are what they claim to be.
 */

const samples = ["", "a", "exactly16bytes!!", "pässwörd 🔑 日本語", "0123456789".repeat(1024)];

describe("type 2 (AES-256-CBC + HMAC-SHA256)", () => {
  it.each(samples.map((s) => [s.length, s]))("lib → Node for a %i-character string", async (_length, text) => {
    const key = SymmetricKey.generate();
    const enc = await encryptString(text, key);
    expect(node.decryptType2(enc, key.toBytes()).toString("utf8")).toBe(text);
  });

  it.each(samples.map((s) => [s.length, s]))("Node → lib for a %i-character string", async (_length, text) => {
    const key = SymmetricKey.generate();
    const enc = asEncString(node.encryptType2(Buffer.from(text, "utf8"), key.toBytes()));
    expect(await decryptString(enc, key)).toBe(text);
  });

  it("both produce byte-identical EncStrings for the same key, IV and data", async () => {
    for (let length = 0; length < 70; length += 7) {
      const keyBytes = randomBytes(64);
      const iv = randomBytes(16);
      const data = randomBytes(length);
      expect(await encryptBytesWithIv(data, SymmetricKey.fromBytes(keyBytes), iv)).toBe(
        node.encryptType2(data, keyBytes, iv),
      );
    }
  });

  it("binary data both ways", async () => {
    const key = SymmetricKey.generate();
    const data = nodeRandomBytes(4097);
    expect(node.decryptType2(await encryptBytes(data, key), key.toBytes()).equals(data)).toBe(true);
    expect(Buffer.from(await decryptBytes(asEncString(node.encryptType2(data, key.toBytes())), key)).equals(data)).toBe(
      true,
    );
  });
});

describe("type 4 (RSA-2048 OAEP SHA-1)", () => {
  let libPair: RsaKeyPair;
  let nodePair: { publicKey: string; privateKey: Buffer };

  beforeAll(async () => {
    libPair = await generateRsaKeyPair();
    nodePair = node.generateRsaKeyPair();
  });

  it("lib-generated keys are standard SPKI / PKCS#8 RSA-2048 keys with e = 65537", () => {
    const publicKey = createPublicKey({ key: Buffer.from(libPair.publicKey, "base64"), format: "der", type: "spki" });
    const privateKey = createPrivateKey({ key: Buffer.from(libPair.privateKey), format: "der", type: "pkcs8" });
    expect(publicKey.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    const derivedPublicKey = createPublicKey(privateKey).export({ type: "spki", format: "der" });
    expect(derivedPublicKey.toString("base64")).toBe(libPair.publicKey);
  });

  it("lib encrypts, Node decrypts (both key pairs)", async () => {
    for (const pair of [libPair, nodePair]) {
      const data = randomBytes(64);
      expect(node.rsaDecryptType4(await rsaEncrypt(data, pair.publicKey), pair.privateKey)).toEqual(Buffer.from(data));
    }
  });

  it("Node encrypts, lib decrypts (both key pairs)", async () => {
    for (const pair of [libPair, nodePair]) {
      const data = randomBytes(64);
      expect(await rsaDecrypt(asEncString(node.rsaEncryptType4(data, pair.publicKey)), pair.privateKey)).toEqual(data);
    }
  });
});

describe("key derivation", () => {
  it.each([
    ["plain", "user@example.com", "correct horse battery staple"],
    ["messy email", "  Mixed.Case@Example.COM ", "p"],
    ["unicode password", "ü@例え.jp", "pässwörd 🔑 日本語"],
  ])("master key, hash and stretched key agree (%s)", async (_name, email, password) => {
    const masterKey = await deriveMasterKey(password, email, pbkdf2Kdf(MIN_KDF_ITERATIONS));
    const nodeMasterKey = node.deriveMasterKey(password, email, MIN_KDF_ITERATIONS);
    expect(toBase64(masterKey)).toBe(nodeMasterKey.toString("base64"));
    expect(await hashMasterPassword(masterKey, password)).toBe(node.hashMasterPassword(nodeMasterKey, password));
    const stretched = await stretchMasterKey(masterKey);
    expect(stretched.toBase64()).toBe(node.stretchMasterKey(nodeMasterKey).toString("base64"));
  });

  it("HKDF-Expand agrees for assorted key, info and output sizes", async () => {
    const sizes = [
      [1, 0, 1],
      [32, 3, 32],
      [64, 100, 33],
      [100, 7, 200],
      [32, 1, 8160],
    ] as const;
    for (const [prkLength, infoLength, length] of sizes) {
      const prk = randomBytes(prkLength);
      const info = randomBytes(infoLength);
      const expected = node.hkdfExpand(prk, info, length).toString("base64");
      expect(toBase64(await hkdfExpand(prk, info, length))).toBe(expected);
    }
  });
});

describe("whole accounts", () => {
  const credentials = {
    email: "Fox.Mulder@FBI.example",
    password: "the truth is out there",
    iterations: MIN_KDF_ITERATIONS,
  };
  const libCredentials = { ...credentials, kdfConfig: pbkdf2Kdf(credentials.iterations) };

  it("an account created here is unlocked by the Node implementation", async () => {
    const account = await createAccountKeys(libCredentials);
    const unlocked = node.unlockAccount({ ...credentials, key: account.key, privateKey: account.privateKey });
    expect(unlocked.userKey.toString("base64")).toBe(account.userKey.toBase64());
    const privateKey = createPrivateKey({ key: unlocked.privateKey, format: "der", type: "pkcs8" });
    expect(privateKey.asymmetricKeyType).toBe("rsa");
    expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const derivedPublicKey = createPublicKey(privateKey).export({ type: "spki", format: "der" });
    expect(derivedPublicKey.toString("base64")).toBe(account.publicKey);
    const nodeMasterKey = node.deriveMasterKey(credentials.password, credentials.email, credentials.iterations);
    expect(account.masterPasswordHash).toBe(node.hashMasterPassword(nodeMasterKey, credentials.password));
  });

  it("an account made by the Node implementation is unlocked here, down to an organization key", async () => {
    const userKey = nodeRandomBytes(64);
    const rsa = node.generateRsaKeyPair();
    const masterKey = node.deriveMasterKey(credentials.password, credentials.email, credentials.iterations);
    const protectedUserKey = asEncString(node.encryptType2(userKey, node.stretchMasterKey(masterKey)));
    const protectedPrivateKey = asEncString(node.encryptType2(rsa.privateKey, userKey));
    const orgKey = nodeRandomBytes(64);
    const memberOrgKey = asEncString(node.rsaEncryptType4(orgKey, rsa.publicKey));
    const itemName = asEncString(node.encryptType2(Buffer.from("Shared printer", "utf8"), orgKey));

    const login = await deriveLoginSecrets(libCredentials);
    const libUserKey = await unlockUserKey({ masterKey: login.masterKey, protectedUserKey });
    expect(libUserKey.toBytes()).toEqual(Uint8Array.from(userKey));
    const privateKey = await unwrapPrivateKey(protectedPrivateKey, libUserKey);
    const libOrgKey = await unwrapSymmetricKeyWithPrivateKey(memberOrgKey, privateKey);
    expect(await decryptString(itemName, libOrgKey)).toBe("Shared printer");
  });
});

describe("fingerprints", () => {
  it("agree for random keys and materials", async () => {
    for (let i = 0; i < 5; i++) {
      const publicKey = toBase64(randomBytes(294));
      const material = crypto.randomUUID();
      expect(await fingerprintPhrase(material, publicKey)).toBe(node.fingerprintPhrase(material, publicKey));
    }
  });
});
