import { describe, expect, it } from "vitest";
import { TotpError, totpFromSecret } from "@/lib/totp";
import { independentTotp } from "../support/node-bitwarden";

/** RFC 6238 Appendix B seeds (ASCII "1234567890" repeated to 20, 32 and 64 bytes), in base32. */
const SEED_SHA1 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const SEED_SHA256 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====";
const SEED_SHA512 =
  "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA=";

/** RFC 6238 Appendix B: Unix time (seconds) → 8-digit SHA-1 code. */
const SHA1_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

const at = (seconds: number) => seconds * 1000;
const uri = (params: string) => `otpauth://totp/Example:alice@example.com?issuer=Example&${params}`;

describe("totpFromSecret", () => {
  it.each(SHA1_VECTORS)(
    "matches RFC 6238's SHA-1 vector at %i s (8 digits through an otpauth URI)",
    (seconds, code) => {
      const totp = totpFromSecret(uri(`secret=${SEED_SHA1}&digits=8`));
      expect(totp.digits).toBe(8);
      expect(totp.code(at(seconds))).toBe(code);
    },
  );

  it("matches RFC 6238's SHA-256 and SHA-512 vectors with the URI's algorithm", () => {
    expect(totpFromSecret(uri(`secret=${SEED_SHA256}&digits=8&algorithm=SHA256`)).code(at(59))).toBe("46119246");
    expect(totpFromSecret(uri(`secret=${SEED_SHA512}&digits=8&algorithm=SHA512`)).code(at(1234567890))).toBe(
      "93441116",
    );
  });

  it("takes a bare base32 key with Bitwarden's defaults: SHA-1, 6 digits, 30 seconds", () => {
    const totp = totpFromSecret(SEED_SHA1);
    expect({ period: totp.period, digits: totp.digits }).toEqual({ period: 30, digits: 6 });
    // The 6-digit code is the 8-digit vector's last six digits.
    expect(totp.code(at(59))).toBe("287082");
  });

  it("accepts a key written the way sites show it: lower case, in groups, with spaces around", () => {
    const spaced = `  ${SEED_SHA1.toLowerCase().replace(/(.{4})/g, "$1 ")}  `;
    expect(totpFromSecret(spaced).code(at(1111111111))).toBe(totpFromSecret(SEED_SHA1).code(at(1111111111)));
  });

  it("follows a URI's own period and digits", () => {
    const totp = totpFromSecret(uri(`secret=${SEED_SHA1}&period=60&digits=7`));
    expect({ period: totp.period, digits: totp.digits }).toEqual({ period: 60, digits: 7 });
    const key = Buffer.from("12345678901234567890", "ascii");
    expect(totp.code(at(1234567890))).toBe(independentTotp(key, 1234567890, { period: 60, digits: 7 }));
  });

  it("agrees with an independent HMAC computation (Node's crypto) at the current time", () => {
    const now = Date.now();
    const key = Buffer.from("12345678901234567890", "ascii");
    expect(totpFromSecret(SEED_SHA1).code(now)).toBe(independentTotp(key, Math.floor(now / 1000)));
  });

  it("counts the whole seconds left in the period", () => {
    const totp = totpFromSecret(SEED_SHA1);
    expect(totp.secondsRemaining(at(60))).toBe(30);
    expect(totp.secondsRemaining(at(59))).toBe(1);
    expect(totp.secondsRemaining(at(43) + 500)).toBe(17);
    expect(totpFromSecret(uri(`secret=${SEED_SHA1}&period=60`)).secondsRemaining(at(61))).toBe(59);
  });

  it.each([
    ["an empty key", ""],
    ["characters outside base32", "GEZDGNBV1890"],
    ["punctuation", "GEZD-GNBV-GY3T"],
    ["a URI without a secret", "otpauth://totp/Example?issuer=Example"],
    ["a URI with a bad period", uri(`secret=${SEED_SHA1}&period=0`)],
    ["a URI with an unknown algorithm", uri(`secret=${SEED_SHA1}&algorithm=MD5`)],
    ["a counter-based URI", `otpauth://hotp/Example?secret=${SEED_SHA1}&counter=1`],
    ["too many digits", uri(`secret=${SEED_SHA1}&digits=12`)],
    ["a Steam Guard key", "steam://ABCDEFGHIJKLMNOP"],
  ])("refuses %s with a TotpError", (_, key) => {
    expect(() => totpFromSecret(key)).toThrow(TotpError);
  });

  it("never quotes the key in its errors", () => {
    const secrets = [
      "SECRETVALUE9",
      uri("secret=SECRETVALUE9&digits=6"),
      uri("secret=SECRETVALUE&digits=99"),
      "steam://SECRETVALUE",
    ];
    for (const secret of secrets) {
      try {
        totpFromSecret(secret);
        expect.unreachable();
      } catch (error) {
        expect((error as Error).message).not.toMatch(/SECRETVALUE/);
      }
    }
  });

  it("says plainly that Steam Guard and counter-based codes are not supported", () => {
    expect(() => totpFromSecret("steam://ABCDEFGHIJKLMNOP")).toThrow("Steam Guard keys (steam://) are not supported.");
    expect(() => totpFromSecret(`otpauth://hotp/Example?secret=${SEED_SHA1}&counter=1`)).toThrow(
      /Only time-based codes/,
    );
  });
});
