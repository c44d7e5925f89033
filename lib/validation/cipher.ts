import { z } from "zod";
import { CIPHER_LIMITS, IDENTITY_FIELDS } from "@/lib/vault/cipher-model";
import { CIPHER_TYPES } from "@/lib/enums";
import { type ItemPart, unknownPartsProblem } from "@/lib/vault/unknown-parts";
import { encStringSchema, uuidSchema } from "./common";

/**
 * An encrypted item as the browser sends it. The server cannot read it, so it checks shape: each secret is a
 * type-2 EncString of bounded size, lists are bounded, and only the part of the item's own type is present.
 * Size caps are on the ciphertext (Bitwarden's: 1,000 characters for a name, 10,000 for notes).
 */
const secret = (max: number = CIPHER_LIMITS.valueLength) =>
  encStringSchema(2)
    .refine((value) => value.length <= max, {
      error: `An encrypted value is longer than ${max.toLocaleString("en")} characters.`,
    })
    .nullable();

const notesSecret = encStringSchema(2)
  .refine((value) => value.length <= CIPHER_LIMITS.notesLength, {
    error: "Notes are too long: keep them under about 7,000 characters.",
  })
  .nullable();

/**
 * Each object of an item keeps the properties an app wrote that Keyhouse does not know, within the one rule of
 * lib/vault/unknown-parts.ts (encrypted values only, bounded names and counts).
 */
function withUnknownParts<T extends z.ZodObject>(schema: T, part: ItemPart): T {
  const kept = schema.catchall(z.unknown()).superRefine((value, context) => {
    const problem = unknownPartsProblem(value, part);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
  // Typed as Keyhouse's shape: the rest of the code reads only what it knows, and unknown parts ride along.
  return kept as unknown as T;
}

const isoDate = z.iso.datetime({ offset: true, error: "A date is malformed." }).nullable();

/** A passkey as the apps write it: every value encrypted, the creation date plain. */
const fido2CredentialSchema = withUnknownParts(
  z.object({
    credentialId: secret().unwrap(),
    keyType: secret().unwrap(),
    keyAlgorithm: secret().unwrap(),
    keyCurve: secret().unwrap(),
    keyValue: secret().unwrap(),
    rpId: secret().unwrap(),
    userHandle: secret().default(null),
    userName: secret().default(null),
    counter: secret().unwrap(),
    rpName: secret().default(null),
    userDisplayName: secret().default(null),
    discoverable: secret().unwrap(),
    creationDate: z.iso.datetime({ offset: true, error: "A passkey's creation date is malformed." }),
  }),
  "fido2Credential",
);

// Passkeys, the autofill choice and URI checksums default to none: items written before Keyhouse kept them.
const loginSchema = withUnknownParts(
  z.object({
    username: secret(),
    password: secret(),
    totp: secret(),
    uris: z
      .array(
        withUnknownParts(
          z.object({
            uri: encStringSchema(2).refine((value) => value.length <= CIPHER_LIMITS.valueLength, {
              error: "A URI is too long.",
            }),
            /** base64(SHA-256(URI)), encrypted like the URI (lib/vault/cipher-crypto.ts). */
            uriChecksum: secret().default(null),
            match: z.union([
              z.literal(0),
              z.literal(1),
              z.literal(2),
              z.literal(3),
              z.literal(4),
              z.literal(5),
              z.null(),
            ]),
          }),
          "uri",
        ),
      )
      .max(CIPHER_LIMITS.uris, `An item can have at most ${CIPHER_LIMITS.uris} URIs.`),
    passwordRevisionDate: isoDate,
    autofillOnPageLoad: z.boolean().nullable().default(null),
    fido2Credentials: z
      .array(fido2CredentialSchema)
      .max(CIPHER_LIMITS.fido2Credentials, `An item can have at most ${CIPHER_LIMITS.fido2Credentials} passkeys.`)
      .default([]),
  }),
  "login",
);

const cardSchema = withUnknownParts(
  z.object({
    cardholderName: secret(),
    brand: secret(),
    number: secret(),
    expMonth: secret(),
    expYear: secret(),
    code: secret(),
  }),
  "card",
);

const identitySchema = withUnknownParts(
  z.object(
    Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, secret()])) as Record<
      (typeof IDENTITY_FIELDS)[number],
      ReturnType<typeof secret>
    >,
  ),
  "identity",
);

const sshKeySchema = withUnknownParts(
  z.object({ privateKey: secret(), publicKey: secret(), keyFingerprint: secret() }),
  "sshKey",
);

const fieldSchema = withUnknownParts(
  z.object({
    type: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: "Unknown custom field type." }),
    name: secret(),
    value: secret(),
    linkedId: z.number().int().nullable(),
  }),
  "field",
);

export const cipherTypeSchema = z.enum(CIPHER_TYPES, { error: "Unknown item type." });

export const encryptedCipherSchema = z
  .object({
    type: cipherTypeSchema,
    reprompt: z.union([z.literal(0), z.literal(1)]).default(0),
    /**
     * The item's own key (Bitwarden's cipher key), under the owning key; its fields are then encrypted with it. The
     * official apps may send one; without it the fields are under the owning key.
     */
    key: encStringSchema(2).nullable().default(null),
    data: withUnknownParts(
      z.object({
        name: encStringSchema(2).refine((value) => value.length <= CIPHER_LIMITS.nameLength, {
          error: "The name is too long.",
        }),
        notes: notesSecret,
        login: loginSchema.nullable(),
        secureNote: withUnknownParts(z.object({ type: z.literal(0) }), "secureNote").nullable(),
        card: cardSchema.nullable(),
        identity: identitySchema.nullable(),
        sshKey: sshKeySchema.nullable(),
        fields: z
          .array(fieldSchema)
          .max(CIPHER_LIMITS.fields, `An item can have at most ${CIPHER_LIMITS.fields} custom fields.`),
        passwordHistory: z
          .array(
            withUnknownParts(
              z.object({ password: encStringSchema(2), lastUsedDate: z.iso.datetime({ offset: true }) }),
              "passwordHistory",
            ),
          )
          .max(CIPHER_LIMITS.passwordHistory, `An item keeps at most ${CIPHER_LIMITS.passwordHistory} old passwords.`),
      }),
      "cipher",
    ),
  })
  .superRefine((cipher, context) => {
    const parts = {
      login: "login",
      secure_note: "secureNote",
      card: "card",
      identity: "identity",
      ssh_key: "sshKey",
    } as const;
    for (const [type, part] of Object.entries(parts)) {
      const present = cipher.data[part] !== null;
      const expected = cipher.type === type;
      if (present === expected) continue;
      const kind = cipher.type.replace("_", " ");
      const message = expected ? `A ${kind} item needs its ${part} data.` : `A ${kind} item cannot have ${part} data.`;
      context.addIssue({ code: "custom", path: ["data", part], message });
    }
  });

export type EncryptedCipherInput = z.infer<typeof encryptedCipherSchema>;

/** An item headed for an organization, with the collections it goes into. */
export const organizationCipherSchema = z.object({
  cipher: encryptedCipherSchema,
  collectionIds: z
    .array(uuidSchema)
    .max(100, "An item can be in at most 100 collections.")
    .transform((ids) => [...new Set(ids)]),
});
