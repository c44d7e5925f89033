import { describe, expect, it } from "vitest";
import {
  DEFAULT_KDF_ITERATIONS,
  MAX_KDF_ITERATIONS,
  MIN_KDF_ITERATIONS,
  deriveMasterKey,
  hashMasterPassword,
  hkdfExpand,
  isAllowedKdfIterations,
  normalizeEmailForSalt,
  pbkdf2Kdf,
  stretchMasterKey,
  toBase64,
  utf8Encode,
} from "@/lib/crypto";
import { pbkdf2Sha256 } from "@/lib/crypto/pbkdf2";
import { expectCryptoError, hex, range, toHex } from "./helpers";

describe("PBKDF2-HMAC-SHA256 (RFC 7914 §11 vectors)", () => {
  it('P="passwd", S="salt", c=1, dkLen=64', async () => {
    const dk = await pbkdf2Sha256(utf8Encode("passwd"), utf8Encode("salt"), 1, 64);
    expect(toHex(dk)).toBe(
      "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc" +
        "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
    );
  });

  it('P="Password", S="NaCl", c=80000, dkLen=64', async () => {
    const dk = await pbkdf2Sha256(utf8Encode("Password"), utf8Encode("NaCl"), 80_000, 64);
    expect(toHex(dk)).toBe(
      "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56" +
        "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d",
    );
  });
});

describe("HKDF-Expand with SHA-256 (RFC 5869 appendix A, Expand step)", () => {
  it("test case 1: PRK → 42-byte OKM", async () => {
    const prk = hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    const okm = await hkdfExpand(prk, hex("f0f1f2f3f4f5f6f7f8f9"), 42);
    expect(toHex(okm)).toBe("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  });

  it("test case 2: long info, 82 bytes (three HMAC blocks)", async () => {
    const prk = hex("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244");
    const okm = await hkdfExpand(prk, range(80, 0xb0), 82);
    expect(toHex(okm)).toBe(
      "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c" +
        "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71" +
        "cc30c58179ec3e87c14c01d5c1f3434f1d87",
    );
  });

  it("test case 3: empty info", async () => {
    const prk = hex("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
    const okm = await hkdfExpand(prk, "", 42);
    expect(toHex(okm)).toBe("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
  });

  it("treats a string info as its UTF-8 bytes and allows 1..255*32 bytes only", async () => {
    const prk = range(32);
    expect(await hkdfExpand(prk, "ünïcode", 32)).toEqual(await hkdfExpand(prk, utf8Encode("ünïcode"), 32));
    expect(await hkdfExpand(prk, "x", 8160)).toHaveLength(8160);
    await expectCryptoError(hkdfExpand(prk, "x", 0), "invalidLength");
    await expectCryptoError(hkdfExpand(prk, "x", 8161), "invalidLength");
    await expectCryptoError(hkdfExpand(new Uint8Array(0), "x", 32), "invalidKey");
  });
});

describe("Bitwarden's published vectors (bitwarden/sdk-internal, crates/bitwarden-crypto tests)", () => {
  // kdf.rs test_master_key_derive_pbkdf2 (10,000 iterations: below our policy floor, so the raw PBKDF2 is used).
  const bitwardenMasterKey = Uint8Array.from([
    31, 79, 104, 226, 150, 71, 177, 90, 194, 80, 172, 209, 17, 129, 132, 81, 138, 167, 69, 167, 254, 149, 2, 27, 39,
    197, 64, 42, 22, 195, 86, 75,
  ]);

  it("master key for password '67t9b5g67$%Dh89n', salt 'test_key', 10,000 iterations", async () => {
    const masterKey = await pbkdf2Sha256(
      utf8Encode("67t9b5g67$%Dh89n"),
      utf8Encode(normalizeEmailForSalt("test_key")),
      10_000,
      32,
    );
    expect(masterKey).toEqual(bitwardenMasterKey);
  });

  it("stretched master key of that master key (utils.rs test_stretch_kdf_key)", async () => {
    const stretched = (await stretchMasterKey(bitwardenMasterKey)).toBytes();
    expect(Array.from(stretched.subarray(0, 32))).toEqual([
      111, 31, 178, 45, 238, 152, 37, 114, 143, 215, 124, 83, 135, 173, 195, 23, 142, 134, 120, 249, 61, 132, 163, 182,
      113, 197, 189, 204, 188, 21, 237, 96,
    ]);
    expect(Array.from(stretched.subarray(32))).toEqual([
      221, 127, 206, 234, 101, 27, 202, 38, 86, 52, 34, 28, 78, 28, 185, 16, 48, 61, 127, 166, 209, 247, 194, 87, 232,
      26, 48, 85, 193, 249, 179, 155,
    ]);
  });

  it("master password hash for 'asdfasdf', 100,000 iterations, whatever the email's case and spacing", async () => {
    // master_key.rs test_password_hash_pbkdf2
    for (const email of ["test@bitwarden.com", "TEST@bitwarden.com", " test@bitwarden.com"]) {
      const masterKey = await deriveMasterKey("asdfasdf", email, pbkdf2Kdf(100_000));
      expect(await hashMasterPassword(masterKey, "asdfasdf")).toBe("wmyadRMyBZOH7P/a/ucTCbSghKgdzDpPqUnu/DAVtSw=");
    }
  });
});

describe("Keyhouse pinned vectors (computed with tests/support/node-bitwarden.ts, Node's OpenSSL)", () => {
  it("master key, hash and stretched key at the minimum iteration count", async () => {
    const masterKey = await deriveMasterKey(
      "correct horse battery staple",
      " Alice@Example.COM ",
      pbkdf2Kdf(MIN_KDF_ITERATIONS),
    );
    expect(toBase64(masterKey)).toBe("yyNf0SM+zSddHcJ0TqZU9/iKPsCXmxvKDExYARL2TmM=");
    expect(await hashMasterPassword(masterKey, "correct horse battery staple")).toBe(
      "ij4bpg+9sHwyc9ipLMipC5BiUug2hc9KWk8nXWxhz2o=",
    );
    expect((await stretchMasterKey(masterKey)).toBase64()).toBe(
      "pbZmao2B5azDvA+Kk4hTswj6gZVLL1nygZKtmA/Mql8jSu21NDK/FLL4b8YtdywlkzgVvaiUYtZYeZ4RleEfLw==",
    );
  });

  it("master key and hash of a demo login at the default 600,000 iterations", async () => {
    const masterKey = await deriveMasterKey(
      "keyhouse-demo",
      "owner@client1.example",
      pbkdf2Kdf(DEFAULT_KDF_ITERATIONS),
    );
    expect(toBase64(masterKey)).toBe("Kf19nQ/SvAtZBQlXurSHZ6Cur6j4HQARclGrn/jO6go=");
    expect(await hashMasterPassword(masterKey, "keyhouse-demo")).toBe("fdRGEP81ViNvPs26sSOViVt0hg5dbODwT+k6ey52UYI=");
  });
});

describe("policy and input checks", () => {
  it("normalizes the email salt by trimming and lower-casing", () => {
    expect(normalizeEmailForSalt("  Alice@Example.COM\t")).toBe("alice@example.com");
  });

  it("only derives master keys within the iteration policy", async () => {
    expect(isAllowedKdfIterations(MIN_KDF_ITERATIONS)).toBe(true);
    expect(isAllowedKdfIterations(MAX_KDF_ITERATIONS)).toBe(true);
    for (const bad of [MIN_KDF_ITERATIONS - 1, MAX_KDF_ITERATIONS + 1, 150_000.5, Number.NaN, "600000", 0]) {
      expect(isAllowedKdfIterations(bad)).toBe(false);
      if (typeof bad === "number")
        await expectCryptoError(deriveMasterKey("pw", "a@b.c", pbkdf2Kdf(bad)), "invalidKdf");
    }
  });

  it("refuses empty passwords and master keys of the wrong size", async () => {
    await expectCryptoError(deriveMasterKey("", "a@b.c", pbkdf2Kdf(MIN_KDF_ITERATIONS)), "invalidPassword");
    await expectCryptoError(hashMasterPassword(range(32), ""), "invalidPassword");
    await expectCryptoError(hashMasterPassword(range(31), "pw"), "invalidKey");
    await expectCryptoError(stretchMasterKey(range(64)), "invalidKey");
  });
});
