import { beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_KDF_ITERATIONS,
  KDF_PBKDF2_SHA256,
  MIN_KDF_ITERATIONS,
  SymmetricKey,
  createAccountKeys,
  decryptString,
  deriveLoginSecrets,
  deriveMasterKey,
  encryptString,
  pbkdf2Kdf,
  isEncString,
  isValidPublicKey,
  rewrapUserKey,
  rsaDecrypt,
  rsaEncrypt,
  unlockUserKey,
  unwrapPrivateKey,
  type AccountKeys,
} from "@/lib/crypto";
import { expectCryptoError, expectNoSecrets, uncheckedEncString } from "./helpers";

const email = "Dana.Scully@Example.org";
const password = "trust no one, 1013";
const kdfConfig = pbkdf2Kdf(MIN_KDF_ITERATIONS); // the policy floor keeps this suite fast

let account: AccountKeys;

beforeAll(async () => {
  account = await createAccountKeys({ email, password, kdfConfig });
});

describe("createAccountKeys", () => {
  it("returns Bitwarden-shaped registration data", async () => {
    expect(account.kdf).toBe(KDF_PBKDF2_SHA256);
    expect(account.kdfIterations).toBe(MIN_KDF_ITERATIONS);
    expect(account).toMatchObject({ kdfMemory: null, kdfParallelism: null });
    expect(isEncString(account.key, 2)).toBe(true);
    expect(isEncString(account.privateKey, 2)).toBe(true);
    expect(await isValidPublicKey(account.publicKey)).toBe(true);
    expect(account.userKey).toBeInstanceOf(SymmetricKey);
    const serialized = JSON.stringify(account);
    expect(serialized).not.toContain(password);
    expect(serialized).not.toContain(account.userKey.toBase64());
  });

  it("sends the same hash that login derives", async () => {
    const login = await deriveLoginSecrets({ email, password, kdfConfig });
    expect(login.masterPasswordHash).toBe(account.masterPasswordHash);
    expect(account.masterPasswordHash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("defaults to 600,000 iterations", async () => {
    const defaults = await createAccountKeys({ email: "d@example.org", password: "x" });
    expect(defaults.kdfIterations).toBe(DEFAULT_KDF_ITERATIONS);
    const login = { email: "d@example.org", password: "x", kdfConfig: pbkdf2Kdf(DEFAULT_KDF_ITERATIONS) };
    const { masterKey } = await deriveLoginSecrets(login);
    const userKey = await unlockUserKey({ masterKey, protectedUserKey: defaults.key });
    expect(userKey.toBytes()).toEqual(defaults.userKey.toBytes());
  });
});

describe("login and unlock", () => {
  it("unlocks the same user key, whatever the email's case and spacing", async () => {
    const { masterKey } = await deriveLoginSecrets({ email: `  ${email.toUpperCase()} `, password, kdfConfig });
    const userKey = await unlockUserKey({ masterKey, protectedUserKey: account.key });
    expect(userKey.toBytes()).toEqual(account.userKey.toBytes());
  });

  it("unlocks the private key, which pairs with the public key", async () => {
    const pkcs8 = await unwrapPrivateKey(account.privateKey, account.userKey);
    const data = Uint8Array.of(1, 2, 3);
    expect(await rsaDecrypt(await rsaEncrypt(data, account.publicKey), pkcs8)).toEqual(data);
  });

  it("reports a wrong password as such, without echoing it", async () => {
    const wrong = "trust everyone, 1013";
    const { masterKey, masterPasswordHash } = await deriveLoginSecrets({ email, password: wrong, kdfConfig });
    expect(masterPasswordHash).not.toBe(account.masterPasswordHash);
    const unlocking = unlockUserKey({ masterKey, protectedUserKey: account.key });
    const error = await expectCryptoError(unlocking, "invalidMasterPassword");
    expectNoSecrets(error, wrong, password);
  });

  it("reports a malformed protected key as malformed, not as a wrong password", async () => {
    const { masterKey } = await deriveLoginSecrets({ email, password, kdfConfig });
    await expectCryptoError(
      unlockUserKey({ masterKey, protectedUserKey: uncheckedEncString("2.garbage") }),
      "malformedEncString",
    );
  });
});

describe("password change", () => {
  it("rewraps the same user key under the new master key; the old password stops working", async () => {
    const vaultItem = await encryptString("survives the password change", account.userKey);
    const newPassword = "i want to believe";
    const newMasterKey = await deriveMasterKey(newPassword, email, kdfConfig);
    const newProtectedKey = await rewrapUserKey(account.userKey, newMasterKey);

    const { masterKey } = await deriveLoginSecrets({ email, password: newPassword, kdfConfig });
    const userKey = await unlockUserKey({ masterKey, protectedUserKey: newProtectedKey });
    expect(await decryptString(vaultItem, userKey)).toBe("survives the password change");

    const old = await deriveLoginSecrets({ email, password, kdfConfig });
    const unlocking = unlockUserKey({ masterKey: old.masterKey, protectedUserKey: newProtectedKey });
    await expectCryptoError(unlocking, "invalidMasterPassword");
  });
});
