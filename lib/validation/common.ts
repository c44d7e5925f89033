import { z } from "zod";
import { fromBase64, isEncString, type EncString } from "@/lib/crypto";

/** Field schemas shared by forms (client) and server actions, so both give the same clear messages. */

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(256, "Email must be at most 256 characters.")
  .pipe(z.email({ error: "Enter a valid email address." }));

/**
 * Characters that reorder the text around them (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): in a name
 * they make it display as something else, in every list and mail that shows it.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
/** Line breaks, tabs, NUL (which PostgreSQL refuses in text) and the other C0/C1 controls. */
const CONTROL = /\p{Cc}/u;
/** Something that shows: a letter, digit, punctuation or symbol, but not one of the blank "letters" (Hangul fillers, braille blank). */
const VISIBLE = /(?![\u115F\u1160\u3164\uFFA0\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * Why a name (of an organization, provider, group, person) cannot be used as typed, or null when it can. A name made
 * only of zero-width or direction characters looks blank, or like another one, to whoever reads it next.
 */
export function nameProblem(value: string, label: string): string | null {
  if (BIDI_CONTROL.test(value)) return `${label} cannot contain characters that change the text direction.`;
  if (CONTROL.test(value)) return `${label} cannot contain line breaks or control characters.`;
  if (!VISIBLE.test(value)) return `${label} must contain at least one visible character.`;
  return null;
}

/** Adds nameProblem's sentence to a string schema (an empty value is left to the schema's own prompt). */
export function refineName<S extends z.ZodType<string | null | undefined>>(schema: S, label: string) {
  return schema.superRefine((value, context) => {
    const problem = value ? nameProblem(value, label) : null;
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
}

export const nameSchema = (label: string, max = 50) => {
  const prompt = `Enter ${/^[aeiou]/i.test(label) ? "an" : "a"} ${label.toLowerCase()}.`;
  return refineName(
    z.string({ error: prompt }).trim().min(1, prompt).max(max, `${label} must be at most ${max} characters.`),
    label,
  );
};

export const uuidSchema = z.uuid({ error: "Not a valid id." });

/** A single-use link's token: 32 random bytes as base64url (lib/dal/invitations.ts newLinkToken). */
export const linkTokenSchema = (link: string) =>
  z
    .string({ error: `The ${link} is incomplete.` })
    .regex(/^[A-Za-z0-9_-]{43}$/, `The ${link} is incomplete or damaged.`);

/**
 * A type-2 (AES-CBC + HMAC) or type-4 (RSA-OAEP) EncString, checked by shape: the server cannot decrypt it. Typed
 * EncString on both sides: a caller must send ciphertext (plaintext does not compile), and what it parses can go
 * where an EncString is required. Each failed check stops the next, as z.string() would on a non-string.
 */
export const encStringSchema = (type: 2 | 4 = 2) =>
  z
    .custom<EncString>((value) => typeof value === "string", { error: "Encrypted data is missing.", abort: true })
    .refine((value) => value.length <= 1_000_000, { error: "Encrypted data is too large.", abort: true })
    .refine((value) => isEncString(value, type), { error: "Encrypted data is malformed." });

export const base64BytesSchema = (bytes: number, what: string) =>
  z.string({ error: `${what} is missing.` }).refine((value) => decodedLength(value) === bytes, {
    error: `${what} is malformed.`,
  });

function decodedLength(value: string): number {
  try {
    return fromBase64(value).length;
  } catch {
    return -1;
  }
}

/** An RSA-2048 public key as base64 SPKI DER (294 bytes). */
export const publicKeySchema = base64BytesSchema(294, "Public key");
