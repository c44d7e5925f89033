import pino from "pino";

/**
 * Keys whose values must never reach a log line. Keyhouse is zero knowledge: even wrapped keys and hashes stay
 * out of logs, so a leaked log file reveals nothing an attacker could work on offline.
 */
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "masterPassword",
  "masterPasswordHash",
  "masterPasswordHint",
  "key",
  "userKey",
  "orgKey",
  "providerKey",
  "privateKey",
  "encryptedPrivateKey",
  "token",
  "accessToken",
  "refreshToken",
  "inviteToken",
  "secret",
  "clientSecret",
  "totpSecret",
  "authorization",
  "cookie",
  "smtpUrl",
  "databaseUrl",
];

/** Redaction paths: each secret key at the top level of a log object and one level down (`{ user: { key } }`). */
const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
  "*.headers.authorization",
  "*.headers.cookie",
];

/** The one server-side logger: JSON lines on stdout, secrets redacted. */
export const log = pino({
  level: process.env.LOG_LEVEL || "info",
  // No pid/hostname on every line: the process manager already knows them.
  base: undefined,
  redact: { paths: REDACT_PATHS, censor: "[redacted]" },
});
