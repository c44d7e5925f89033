import { Secret, TOTP, URI } from "otpauth";

/**
 * Time-based one-time codes (RFC 6238) from an item's authenticator key, through otpauth (isomorphic). The key is
 * what Bitwarden stores in an item's TOTP field: a base32 secret (spaces and lower case allowed, as sites show
 * it) or a full `otpauth://totp/…` URI with its own period, digits and algorithm. Errors never quote the key.
 */

export type TotpGenerator = {
  period: number;
  digits: number;
  /** The code at `now` (milliseconds since the epoch). */
  code: (now?: number) => string;
  /** Whole seconds until the code changes (1 to `period`). */
  secondsRemaining: (now?: number) => number;
};

export class TotpError extends Error {
  override name = "TotpError";
}

const BASE32 = /^[A-Z2-7]+=*$/;
/** A code of more than 10 digits cannot come out of RFC 4226's 31-bit truncation. */
const MAX_DIGITS = 10;

function fromUri(uri: string): TOTP {
  let otp;
  try {
    otp = URI.parse(uri);
  } catch {
    // otpauth's own messages can quote part of the key.
    throw new TotpError("This otpauth:// address is not valid: check its secret, period, digits and algorithm.");
  }
  if (!(otp instanceof TOTP))
    throw new TotpError("Only time-based codes (otpauth://totp/) are supported, not counter-based ones.");
  return otp;
}

function fromBase32(key: string): TOTP {
  const normalized = key.replace(/\s+/g, "").toUpperCase();
  if (!BASE32.test(normalized))
    throw new TotpError(
      "This authenticator key is not valid: use the base32 key (letters A-Z and digits 2-7) or an otpauth:// address.",
    );
  return new TOTP({ secret: Secret.fromBase32(normalized) });
}

function parse(key: string): TOTP {
  const trimmed = key.trim();
  if (/^steam:\/\//i.test(trimmed)) throw new TotpError("Steam Guard keys (steam://) are not supported.");
  return /^otpauth:\/\//i.test(trimmed) ? fromUri(trimmed) : fromBase32(trimmed);
}

/** A code generator for the key, or a TotpError saying what is wrong with it. */
export function totpFromSecret(secretOrOtpauthUri: string): TotpGenerator {
  const otp = parse(secretOrOtpauthUri);
  if (otp.secret.bytes.length === 0) throw new TotpError("This authenticator key is empty.");
  if (otp.digits > MAX_DIGITS) throw new TotpError(`Codes of more than ${MAX_DIGITS} digits are not supported.`);
  const { period, digits } = otp;
  return {
    period,
    digits,
    code: (now = Date.now()) => otp.generate({ timestamp: now }),
    secondsRemaining: (now = Date.now()) => Math.ceil(otp.remaining({ timestamp: now }) / 1000),
  };
}
