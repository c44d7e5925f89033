import { describe, expect, it } from "vitest";
import {
  ARGON2_ITERATIONS,
  ARGON2_MEMORY_MIB,
  ARGON2_PARALLELISM,
  DEFAULT_KDF_CONFIG,
  argon2idKdf,
  createAccountKeys,
  deriveLoginSecrets,
  deriveMasterKey,
  hashMasterPassword,
  isAllowedKdfConfig,
  pbkdf2Kdf,
  stretchMasterKey,
  toBase64,
  unlockUserKey,
  utf8Encode,
} from "@/lib/crypto";
import { argon2idRaw } from "@/lib/crypto/kdf";
import { expectCryptoError, toHex } from "./helpers";

describe("Argon2id through hash-wasm (reference vectors)", () => {
  // RFC 9106 §5.3's Argon2id vector also sets a secret and associated data; hash-wasm takes no associated data (and
  // Bitwarden passes neither), so the vectors are the reference implementation's own Argon2id v1.3 ones
  // (phc-winner-argon2, by the RFC's authors, src/test.c). Both, and RFC 9106 §5.3's tag, were reproduced with that
  // implementation (libargon2 1.3 through Python's ctypes) when these were written.
  it('P="password", S="somesalt", t=2, m=64 MiB, p=1', async () => {
    const tag = await argon2idRaw(utf8Encode("password"), utf8Encode("somesalt"), {
      iterations: 2,
      memoryKiB: 1 << 16,
      parallelism: 1,
    });
    expect(toHex(tag)).toBe("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
  });

  it('P="password", S="somesalt", t=2, m=256 KiB, p=2 (two lanes)', async () => {
    const tag = await argon2idRaw(utf8Encode("password"), utf8Encode("somesalt"), {
      iterations: 2,
      memoryKiB: 1 << 8,
      parallelism: 2,
    });
    expect(toHex(tag)).toBe("6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037");
  });
});

describe("Bitwarden master keys with Argon2id", () => {
  // Obtained independently of this code, twice:
  // - the master password hashes are what the official CLI (@bitwarden/cli 2026.9.0, its own SDK) sent as `password`
  //   to /identity/connect/token when it logged in ("bw login Alice@Example.COM ...") against a stand-in server whose
  //   pre-login answered these Argon2id settings;
  // - master key, hash and stretched key were computed with libargon2 (the reference C implementation) through
  //   Python's ctypes, salt = SHA-256 of the trimmed, lower-cased email, then Python's hashlib and hmac for the
  //   PBKDF2 round and HKDF-Expand. Both gave the same hashes.
  it("t=2, m=16 MiB, p=1: the smallest settings, the email normalized before hashing", async () => {
    const kdf = argon2idKdf(2, 16, 1);
    for (const email of [" Alice@Example.COM ", "alice@example.com"]) {
      const masterKey = await deriveMasterKey("correct horse battery staple", email, kdf);
      expect(toBase64(masterKey)).toBe("5ASUWDZkqQXwp999/IeqLB8VNRPrGdqSXILHVmuX9DA=");
      expect(await hashMasterPassword(masterKey, "correct horse battery staple")).toBe(
        "tQ5f6X8/Kxn4jaf3INPoruNRN1dqGXB1uXLd/oJyMm8=",
      );
      expect((await stretchMasterKey(masterKey)).toBase64()).toBe(
        "mmNITduQoG1NONsX4ksPR7OkPBr5gcezYcQKjAFxYyBMxm7MWRqmimlI6GEJSEDIWrBZp7Do0m+tUsEHItc6cg==",
      );
    }
  });

  it("t=3, m=64 MiB, p=4 (four lanes)", async () => {
    const masterKey = await deriveMasterKey("keyhouse-demo", "Owner@Client1.example", argon2idKdf(3, 64, 4));
    expect(toBase64(masterKey)).toBe("ylwm3yqs1FVwY2WeW+zC6m/ju9CUPZIp9/jvABLTqp8=");
    expect(await hashMasterPassword(masterKey, "keyhouse-demo")).toBe("rd21bNZ0GDegV4EG8/UizAUdl9NAd8KPUyaSBZbfyhE=");
  });

  it("an Argon2id account's keys open with the same settings only", async () => {
    const kdfConfig = argon2idKdf(2, 16, 1);
    const account = await createAccountKeys({ email: "a@example.org", password: "pw", kdfConfig });
    expect(account).toMatchObject({ kdf: 1, kdfIterations: 2, kdfMemory: 16, kdfParallelism: 1 });
    const login = await deriveLoginSecrets({ email: "a@example.org", password: "pw", kdfConfig });
    expect(login.masterPasswordHash).toBe(account.masterPasswordHash);
    const userKey = await unlockUserKey({ masterKey: login.masterKey, protectedUserKey: account.key });
    expect(userKey.toBase64()).toBe(account.userKey.toBase64());
    for (const other of [argon2idKdf(3, 16, 1), argon2idKdf(2, 17, 1), argon2idKdf(2, 16, 2), pbkdf2Kdf(100_000)]) {
      const { masterKey } = await deriveLoginSecrets({ email: "a@example.org", password: "pw", kdfConfig: other });
      await expectCryptoError(unlockUserKey({ masterKey, protectedUserKey: account.key }), "invalidMasterPassword");
    }
  });
});

describe("KDF configuration policy", () => {
  it("allows PBKDF2 without memory or parallelism and Argon2id with both, within the apps' bounds", () => {
    expect(isAllowedKdfConfig(DEFAULT_KDF_CONFIG)).toBe(true);
    const { min: t, max: tMax } = ARGON2_ITERATIONS;
    const { min: m, max: mMax } = ARGON2_MEMORY_MIB;
    const { min: p, max: pMax } = ARGON2_PARALLELISM;
    expect(isAllowedKdfConfig(argon2idKdf(t, m, p))).toBe(true);
    expect(isAllowedKdfConfig(argon2idKdf(tMax, mMax, pMax))).toBe(true);
    expect(isAllowedKdfConfig(argon2idKdf(3, 64, 4))).toBe(true);
    const refused = [
      argon2idKdf(t - 1, m, p),
      argon2idKdf(tMax + 1, m, p),
      argon2idKdf(t, 15, p),
      argon2idKdf(t, mMax + 1, p),
      argon2idKdf(t, m, 0),
      argon2idKdf(t, m, pMax + 1),
      argon2idKdf(2.5, m, p),
      { ...argon2idKdf(t, m, p), kdfMemory: null },
      { ...argon2idKdf(t, m, p), kdfParallelism: null },
      { ...pbkdf2Kdf(600_000), kdfMemory: 64 },
      { ...DEFAULT_KDF_CONFIG, kdf: 2 },
      { ...argon2idKdf(t, m, p), kdfIterations: 600_000 },
      null,
      "argon2id",
    ];
    for (const config of refused) expect(isAllowedKdfConfig(config), JSON.stringify(config)).toBe(false);
  });

  it("derives no master key outside the policy (a forged pre-login answer cannot weaken it)", async () => {
    await expectCryptoError(deriveMasterKey("pw", "a@b.c", argon2idKdf(1, 16, 1)), "invalidKdf");
    await expectCryptoError(deriveMasterKey("pw", "a@b.c", argon2idKdf(2, 8, 1)), "invalidKdf");
    await expectCryptoError(deriveMasterKey("", "a@b.c", argon2idKdf(2, 16, 1)), "invalidPassword");
  });
});
