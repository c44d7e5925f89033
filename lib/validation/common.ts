import { z } from "zod";
import { fromBase64, isEncString } from "@/lib/crypto";

/** Field schemas shared by forms (client) and server actions, so both give the same clear messages. */

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(256, "Email must be at most 256 characters.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const nameSchema = (label: string, max = 50) => {
  const prompt = `Enter ${/^[aeiou]/i.test(label) ? "an" : "a"} ${label.toLowerCase()}.`;
  return z.string({ error: prompt }).trim().min(1, prompt).max(max, `${label} must be at most ${max} characters.`);
};

export const uuidSchema = z.uuid({ error: "Not a valid id." });

/** A single-use link's token: 32 random bytes as base64url (lib/dal/invitations.ts newLinkToken). */
export const linkTokenSchema = (link: string) =>
  z.string({ error: `The ${link} is incomplete.` }).regex(/^[A-Za-z0-9_-]{43}$/, `The ${link} is incomplete or damaged.`);

/** A type-2 (AES-CBC + HMAC) or type-4 (RSA-OAEP) EncString, checked by shape: the server cannot decrypt it. */
export const encStringSchema = (type: 2 | 4 = 2) =>
  z
    .string({ error: "Encrypted data is missing." })
    .max(1_000_000, "Encrypted data is too large.")
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
