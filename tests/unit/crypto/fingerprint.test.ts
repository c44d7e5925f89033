import { describe, expect, it } from "vitest";
import { fingerprintPhrase, fingerprintWords, generateRsaKeyPair } from "@/lib/crypto";
import { FINGERPRINT_WORDS } from "@/lib/crypto/fingerprint-words";
import { expectCryptoError } from "./helpers";

// From Bitwarden's own test (bitwarden/sdk-internal, crates/bitwarden-crypto/src/fingerprint.rs,
// test_fingerprint): this SPKI public key and user id give "turban-deftly-anime-chatroom-unselfish".
const BITWARDEN_PUBLIC_KEY =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuyYs8W7NWf0Zv35Ueco93730dtRKi4Jhc6Snar+86drE+ruSfaCWMcbgsAoAj2Pm6KAz" +
  "aJrTIVCqBERQ23OncpzjfcGAeyf+v3w/gSw/EjihMJ4AG5ICY4hLFYcGdgwa+7is+TVO0i6PEWjKQa3l2+mQo2XY7pg2ngHDMssV4gxSqq+qoBX3" +
  "+FBhewCYdOV+3cebwsAzz7HwoFTxKViwNW8crbHonhZPhZgfIAzEkzo5MvzQg5azhLKW6vuPfaOQFC5HqPykVnh8OPzO0uzUi3+97CguAu4N2Cgw" +
  "VYXltZuw2fGamdVw3kjbxQPbOE1tL0j7gyTwYKkfUl2m8gMh1QIDAQAB";
const BITWARDEN_USER_ID = "a09726a0-9590-49d1-a5f5-afe300b6a515";

describe("fingerprint word list", () => {
  it("is the EFF large list: 7,776 distinct words in dice order", () => {
    expect(FINGERPRINT_WORDS).toHaveLength(7776);
    expect(new Set(FINGERPRINT_WORDS).size).toBe(7776);
    expect(FINGERPRINT_WORDS[0]).toBe("abacus");
    expect(FINGERPRINT_WORDS[7775]).toBe("zoom");
    expect([...FINGERPRINT_WORDS].sort()).toEqual(FINGERPRINT_WORDS); // the EFF list is alphabetical
  });
});

describe("fingerprintPhrase", () => {
  it("matches the phrase Bitwarden shows for the same key and user id", async () => {
    const phrase = await fingerprintPhrase(BITWARDEN_USER_ID, BITWARDEN_PUBLIC_KEY);
    expect(phrase).toBe("turban-deftly-anime-chatroom-unselfish");
  });

  it("pins a second phrase (computed with tests/support/node-bitwarden.ts)", async () => {
    expect(await fingerprintPhrase("00000000-0000-0000-0000-000000000001", BITWARDEN_PUBLIC_KEY)).toBe(
      "unsalted-frustrate-retorted-scrounger-backlands",
    );
  });

  it("is deterministic, five list words, and different for other keys or material", async () => {
    const { publicKey } = await generateRsaKeyPair();
    const phrase = await fingerprintPhrase("user-1", publicKey);
    expect(await fingerprintPhrase("user-1", publicKey)).toBe(phrase);
    const words = await fingerprintWords("user-1", publicKey);
    expect(words.join("-")).toBe(phrase);
    expect(words).toHaveLength(5);
    for (const word of words) expect(FINGERPRINT_WORDS).toContain(word);
    expect(await fingerprintPhrase("user-2", publicKey)).not.toBe(phrase);
    expect(await fingerprintPhrase("user-1", BITWARDEN_PUBLIC_KEY)).not.toBe(phrase);
  });

  it("rejects a public key that is not base64", async () => {
    await expectCryptoError(fingerprintPhrase("user-1", "not base64"), "invalidBase64");
    await expectCryptoError(fingerprintPhrase("user-1", ""), "invalidPublicKey");
  });
});
