import "server-only";
import { z } from "zod";
import { type EncryptedCipherInput, encryptedCipherSchema } from "@/lib/validation/cipher";
import { uuidSchema } from "@/lib/validation/common";
import { type ItemPart, KNOWN_PROPERTIES, keepableUnknownParts } from "@/lib/vault/unknown-parts";
import { cipherTypeOfNumber } from "./enums";

/**
 * CipherRequest, as the official apps send an item (DESIGN §12): Bitwarden's typed shape with every secret an
 * EncString. It is read loosely here, turned into Keyhouse's stored shape, and then checked by the same schema as the
 * web vault's items (lib/validation/cipher.ts), so an item is valid by one rule whoever wrote it. Properties Keyhouse
 * does not know are read too (`loose`): the encrypted ones are kept as the item's unknown parts
 * (lib/vault/unknown-parts.ts).
 */
const value = z
  .unknown()
  .optional()
  .transform((given) => given ?? null);
const part = z.record(z.string(), z.unknown()).nullish();

export const cipherRequestSchema = z
  .object({
    type: z.number().int(),
    organizationId: uuidSchema.nullish(),
    folderId: uuidSchema.nullish(),
    favorite: z.boolean().nullish(),
    reprompt: z.number().int().nullish(),
    key: value,
    name: value,
    notes: value,
    login: z
      .object({
        username: value,
        password: value,
        totp: value,
        passwordRevisionDate: value,
        uris: z
          .array(z.object({ uri: value, uriChecksum: value, match: value }).loose())
          .nullish()
          .transform((uris) => uris ?? []),
        autofillOnPageLoad: value,
        fido2Credentials: z
          .array(z.record(z.string(), z.unknown()))
          .nullish()
          .transform((credentials) => credentials ?? []),
      })
      .loose()
      .nullish(),
    secureNote: part,
    card: part,
    identity: part,
    sshKey: part,
    fields: z
      .array(z.object({ type: value, name: value, value: value, linkedId: value }).loose())
      .nullish()
      .transform((fields) => fields ?? []),
    passwordHistory: z
      .array(z.object({ password: value, lastUsedDate: value }).loose())
      .nullish()
      .transform((history) => history ?? []),
    lastKnownRevisionDate: z.string().max(64).nullish(),
  })
  .loose();

export type CipherRequest = z.output<typeof cipherRequestSchema>;

/** The known properties of one part of an item (missing ones as null) and the unknown ones worth keeping. */
function partOf(source: object, name: Exclude<ItemPart, "cipher" | "login">) {
  const known = Object.fromEntries(
    KNOWN_PROPERTIES[name].map((key) => [key, (source as Record<string, unknown>)[key] ?? null]),
  );
  return { ...keepableUnknownParts(source, name), ...known };
}

/** The item in Keyhouse's stored shape, or the reason it is not a valid item. */
export function toKeyhouseCipher(
  request: CipherRequest,
): { ok: true; cipher: EncryptedCipherInput } | { ok: false; message: string } {
  const type = cipherTypeOfNumber(request.type);
  if (!type) return { ok: false, message: "Keyhouse does not store this kind of item." };
  const candidate = {
    type,
    reprompt: request.reprompt ?? 0,
    key: request.key,
    data: {
      ...keepableUnknownParts(request, "cipher"),
      name: request.name,
      notes: request.notes,
      login:
        type === "login"
          ? {
              ...keepableUnknownParts(request.login, "login"),
              username: request.login?.username ?? null,
              password: request.login?.password ?? null,
              totp: request.login?.totp ?? null,
              uris: (request.login?.uris ?? []).map((entry) => partOf(entry, "uri")),
              passwordRevisionDate: request.login?.passwordRevisionDate ?? null,
              autofillOnPageLoad: request.login?.autofillOnPageLoad ?? null,
              fido2Credentials: (request.login?.fido2Credentials ?? []).map((credential) =>
                partOf(credential, "fido2Credential"),
              ),
            }
          : null,
      // A secure note's only known property is its kind, which Keyhouse stores as 0 whatever the app said.
      secureNote:
        type === "secure_note" ? { ...keepableUnknownParts(request.secureNote, "secureNote"), type: 0 } : null,
      card: type === "card" ? partOf(request.card ?? {}, "card") : null,
      identity: type === "identity" ? partOf(request.identity ?? {}, "identity") : null,
      sshKey: type === "ssh_key" ? partOf(request.sshKey ?? {}, "sshKey") : null,
      fields: request.fields.map((field) => partOf(field, "field")),
      passwordHistory: request.passwordHistory.map((entry) => partOf(entry, "passwordHistory")),
    },
  };
  const parsed = encryptedCipherSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, cipher: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? "The item is malformed." };
}

/** CipherCollectionsRequest: the collections an organization item is to be in. */
export const cipherCollectionsRequestSchema = z.object({ collectionIds: z.array(uuidSchema).max(100) });

/** CipherBulk*Request: the items a bulk change is about (the organization id some apps add is not needed). */
export const cipherIdsRequestSchema = z.object({ ids: z.array(uuidSchema).min(1).max(500) });

/** CipherBulkMoveRequest: items to file in a folder (null: out of folders). */
export const cipherMoveRequestSchema = cipherIdsRequestSchema.extend({ folderId: uuidSchema.nullish() });
