import { Secret, TOTP } from "otpauth";

/**
 * Two-step login with an authenticator app (RFC 6238: 6 digits, 30 seconds, SHA-1, which every authenticator app
 * understands), and its recovery code. Isomorphic and pure: the server makes and checks keys and codes, the
 * settings page turns the otpauth:// address into a QR code, and tests compute codes with the same functions.
 */

const ISSUER = "Keyhouse";
/** 20 bytes (160 bits), as RFC 4226 recommends and Bitwarden uses: 32 base32 characters. */
const KEY_BYTES = 20;
/** Codes of the previous and the next 30-second step are accepted too, for clocks a little out of step. */
const WINDOW = 1;

export const AUTHENTICATOR_CODE_LENGTH = 6;
export const RECOVERY_CODE_LENGTH = 32;

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function authenticator(key: string, email = ""): TOTP {
  return new TOTP({ issuer: ISSUER, label: email, secret: Secret.fromBase32(key) });
}

/** A new random authenticator key, base32 (what a person types into an app that cannot scan). */
export function generateAuthenticatorKey(): string {
  return new Secret({ size: KEY_BYTES }).base32;
}

/** The otpauth:// address the QR code carries: the app shows it as "Keyhouse (email)". */
export function authenticatorUri(key: string, email: string): string {
  return authenticator(key, email).toString();
}

/** The key in groups of four, easier to read and type. */
export function formatAuthenticatorKey(key: string): string {
  return key.match(/.{1,4}/g)?.join(" ") ?? key;
}

/** The code an authenticator app shows for `key` at `now` (tests and the e2e suite compute codes this way). */
export function authenticatorCode(key: string, now = Date.now()): string {
  return authenticator(key).generate({ timestamp: now });
}

/** The 30-second step a code belongs to at `now` (RFC 6238's counter). */
function stepAt(now: number): number {
  return Math.floor(now / 1000 / 30);
}

/**
 * The step of `code` if it is the code of `key` for the current step or the one just before or after, else null.
 * The caller remembers the step, so a code is not accepted twice (RFC 6238 §5.2).
 */
export function authenticatorCodeStep(key: string, code: string, now = Date.now()): number | null {
  const digits = authenticatorDigits(code);
  if (digits === null) return null;
  const delta = authenticator(key).validate({ token: digits, timestamp: now, window: WINDOW });
  return delta === null ? null : stepAt(now) + delta;
}

const AUTHENTICATOR_CODE = new RegExp(`^\\d{${AUTHENTICATOR_CODE_LENGTH}}$`);

/** The code's digits without spaces, or null when it is not six digits. */
function authenticatorDigits(code: string): string | null {
  const digits = code.replace(/\s+/g, "");
  return AUTHENTICATOR_CODE.test(digits) ? digits : null;
}

/** A six-digit code (spaces allowed) rather than a recovery code. */
export function looksLikeAuthenticatorCode(code: string): boolean {
  return authenticatorDigits(code) !== null;
}

/** A new recovery code: 32 random base32 characters (160 bits), shown once in groups of four. */
export function generateRecoveryCode(): string {
  return new Secret({ size: KEY_BYTES }).base32;
}

/** What the person typed, as stored: dashes, spaces and case do not matter. Anything else is not a recovery code. */
export function normalizeRecoveryCode(typed: string): string | null {
  const normalized = typed.replace(/[\s-]+/g, "").toUpperCase();
  if (normalized.length !== RECOVERY_CODE_LENGTH) return null;
  return [...normalized].every((character) => BASE32_ALPHABET.includes(character)) ? normalized : null;
}

/** "ABCD-EFGH-…": how the recovery code is shown. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** What a refused login tells the login form (next-auth passes a CredentialsSignin's code to the browser). */
export const LOGIN_ERROR_CODES = {
  tooManyAttempts: "too_many_attempts",
  twoFactorRequired: "two_factor_required",
  invalidTwoFactorCode: "invalid_two_factor_code",
  tooManyTwoFactorCodes: "too_many_two_factor_codes",
  serverBusy: "server_busy",
} as const;
