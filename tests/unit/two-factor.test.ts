import { describe, expect, it } from "vitest";
import {
  authenticatorCode,
  authenticatorCodeStep,
  authenticatorUri,
  formatAuthenticatorKey,
  formatRecoveryCode,
  generateAuthenticatorKey,
  generateRecoveryCode,
  looksLikeAuthenticatorCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_LENGTH,
} from "@/lib/account-security/two-factor";
import { independentTotp } from "../support/node-bitwarden";

/** RFC 6238 Appendix B's SHA-1 seed, ASCII "12345678901234567890", in base32. */
const RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/**
 * RFC 6238 Appendix B, SHA-1: Unix time (seconds) → the published 8-digit code. Two-step login uses 6 digits, which
 * are the same truncated value modulo 10^6: the last six digits of the published code.
 */
const RFC_SHA1_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text: string): Buffer {
  let bits = "";
  for (const character of text.replace(/=+$/, "")) bits += BASE32.indexOf(character).toString(2).padStart(5, "0");
  const bytes: number[] = [];
  for (let index = 0; index + 8 <= bits.length; index += 8) bytes.push(parseInt(bits.slice(index, index + 8), 2));
  return Buffer.from(bytes);
}

/** The independent RFC 6238 code (SHA-1, 30-second steps, 6 digits) for a base32 key. */
const independentCode = (base32Key: string, unixSeconds: number) =>
  independentTotp(base32Decode(base32Key), unixSeconds);

const at = (seconds: number) => seconds * 1000;

describe("authenticator codes", () => {
  it("decodes the RFC seed as the published ASCII secret (the vectors below depend on it)", () => {
    expect(base32Decode(RFC_SEED).toString("ascii")).toBe("12345678901234567890");
  });

  it.each(RFC_SHA1_VECTORS)("at %i s gives the last six digits of RFC 6238's %s", (seconds, published) => {
    const code = authenticatorCode(RFC_SEED, at(seconds));
    expect(code).toBe(published.slice(-6));
    expect(code).toHaveLength(6);
  });

  it("agrees with an independent RFC 6238 implementation for a freshly generated key", () => {
    const key = generateAuthenticatorKey();
    for (const seconds of [0, 29, 30, 1_700_000_000, 1_700_000_015, 1_700_000_029]) {
      expect(authenticatorCode(key, at(seconds))).toBe(independentCode(key, seconds));
    }
  });

  it("changes every 30 seconds, on the step boundary", () => {
    // 1111111110 is the first second of a step: 1111111109 is the last second of the one before it.
    expect(authenticatorCode(RFC_SEED, at(1111111109))).toBe("081804");
    expect(authenticatorCode(RFC_SEED, at(1111111110))).toBe("050471");
    expect(authenticatorCode(RFC_SEED, at(1111111139))).toBe("050471");
    expect(authenticatorCode(RFC_SEED, at(1111111140))).not.toBe("050471");
  });
});

/** Whether the code passes at `now` (its step, remembered by the caller, is checked separately). */
const verifyAuthenticatorCode = (key: string, code: string, now: number) =>
  authenticatorCodeStep(key, code, now) !== null;

describe("authenticatorCodeStep", () => {
  // The middle of a 30-second step, so "one step earlier" is unambiguous.
  const now = at(1_700_000_010 + 15);
  const codeAt = (steps: number) => authenticatorCode(RFC_SEED, now + steps * 30_000);

  it("the five neighbouring steps have distinct codes (so the window checks below mean something)", () => {
    expect(new Set([-2, -1, 0, 1, 2].map(codeAt)).size).toBe(5);
  });

  it("accepts the current code and the codes of the step just before and just after", () => {
    expect(verifyAuthenticatorCode(RFC_SEED, codeAt(0), now)).toBe(true);
    expect(verifyAuthenticatorCode(RFC_SEED, codeAt(-1), now)).toBe(true);
    expect(verifyAuthenticatorCode(RFC_SEED, codeAt(1), now)).toBe(true);
  });

  it("answers the step the code belongs to, which the server remembers so the code does not pass twice", () => {
    const current = Math.floor(now / 30_000);
    expect([-1, 0, 1].map((steps) => authenticatorCodeStep(RFC_SEED, codeAt(steps), now))).toEqual([
      current - 1,
      current,
      current + 1,
    ]);
  });

  it("refuses codes two steps away or more", () => {
    expect(verifyAuthenticatorCode(RFC_SEED, codeAt(-2), now)).toBe(false);
    expect(verifyAuthenticatorCode(RFC_SEED, codeAt(2), now)).toBe(false);
    expect(verifyAuthenticatorCode(RFC_SEED, codeAt(-10), now)).toBe(false);
  });

  it("checks the RFC vector at its own time and refuses it far away from it", () => {
    expect(verifyAuthenticatorCode(RFC_SEED, "287082", at(59))).toBe(true);
    expect(verifyAuthenticatorCode(RFC_SEED, "287082", at(59 + 3600))).toBe(false);
  });

  it("refuses another key's code", () => {
    const code = authenticatorCode("JBSWY3DPEHPK3PXP", now);
    expect([-1, 0, 1].map(codeAt)).not.toContain(code); // fixed keys and time: no chance collision
    expect(verifyAuthenticatorCode(RFC_SEED, code, now)).toBe(false);
    expect(verifyAuthenticatorCode("JBSWY3DPEHPK3PXP", code, now)).toBe(true);
  });

  it("ignores spaces in a typed code", () => {
    const code = codeAt(0);
    expect(verifyAuthenticatorCode(RFC_SEED, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(true);
    expect(verifyAuthenticatorCode(RFC_SEED, ` ${code} `, now)).toBe(true);
  });

  it("refuses anything that is not exactly six digits", () => {
    const code = codeAt(0);
    for (const typed of [
      "",
      code.slice(0, 5),
      `${code}0`,
      `0${code}`,
      `${code.slice(0, 5)}x`,
      "abcdef",
      `${code.slice(0, 3)}-${code.slice(3)}`,
    ]) {
      expect(verifyAuthenticatorCode(RFC_SEED, typed, now), typed).toBe(false);
    }
  });

  it("the RFC's 8-digit code is not accepted as a 6-digit one", () => {
    expect(verifyAuthenticatorCode(RFC_SEED, "94287082", at(59))).toBe(false);
  });
});

describe("looksLikeAuthenticatorCode", () => {
  it("tells a six-digit code from a recovery code", () => {
    expect(looksLikeAuthenticatorCode("123456")).toBe(true);
    expect(looksLikeAuthenticatorCode("123 456")).toBe(true);
    expect(looksLikeAuthenticatorCode("12345")).toBe(false);
    expect(looksLikeAuthenticatorCode("1234567")).toBe(false);
    expect(looksLikeAuthenticatorCode(formatRecoveryCode(generateRecoveryCode()))).toBe(false);
  });
});

describe("authenticator keys", () => {
  it("are 32 base32 characters (160 bits) and different every time", () => {
    const keys = Array.from({ length: 20 }, () => generateAuthenticatorKey());
    for (const key of keys) expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(new Set(keys).size).toBe(keys.length);
    expect(base32Decode(keys[0]!)).toHaveLength(20);
  });

  it("are shown in groups of four", () => {
    expect(formatAuthenticatorKey(RFC_SEED)).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
  });

  it("reach the authenticator app as a TOTP otpauth:// address with the issuer, the account and SHA-1/6/30", () => {
    const uri = new URL(authenticatorUri(RFC_SEED, "kim@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Keyhouse:kim@example.com");
    expect(uri.searchParams.get("secret")).toBe(RFC_SEED);
    expect(uri.searchParams.get("issuer")).toBe("Keyhouse");
    expect(uri.searchParams.get("algorithm")).toBe("SHA1");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});

describe("recovery codes", () => {
  const CODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  it("are 32 base32 characters, different every time", () => {
    const codes = Array.from({ length: 20 }, () => generateRecoveryCode());
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{32}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(RECOVERY_CODE_LENGTH).toBe(32);
  });

  it("are shown in dash-separated groups of four, which normalize back to the code", () => {
    expect(formatRecoveryCode(CODE)).toBe("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567");
    const generated = generateRecoveryCode();
    expect(normalizeRecoveryCode(formatRecoveryCode(generated))).toBe(generated);
  });

  it("accept dashes, spaces and lowercase as typed", () => {
    expect(normalizeRecoveryCode(CODE)).toBe(CODE);
    expect(normalizeRecoveryCode(CODE.toLowerCase())).toBe(CODE);
    expect(normalizeRecoveryCode("abcd-efgh-ijkl-mnop-qrst-uvwx-yz23-4567")).toBe(CODE);
    expect(normalizeRecoveryCode("ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567")).toBe(CODE);
    expect(normalizeRecoveryCode("  abcd - EFGH\tijkl--mnop qrst-uvwx yz23 4567\n")).toBe(CODE);
  });

  it("refuse the wrong length", () => {
    expect(normalizeRecoveryCode("")).toBeNull();
    expect(normalizeRecoveryCode(CODE.slice(0, 31))).toBeNull();
    expect(normalizeRecoveryCode(`${CODE}A`)).toBeNull();
    expect(normalizeRecoveryCode(formatRecoveryCode(CODE).slice(0, -1))).toBeNull();
  });

  it("refuse characters outside base32 (0, 1, 8, 9 and punctuation)", () => {
    for (const wrong of ["0", "1", "8", "9", "_", ".", "=", "é"]) {
      expect(normalizeRecoveryCode(`${wrong}${CODE.slice(1)}`), wrong).toBeNull();
    }
  });
});
