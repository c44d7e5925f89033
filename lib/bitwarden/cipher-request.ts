import "server-only";
import { z } from "zod";
import { type EncryptedCipherInput, encryptedCipherSchema } from "@/lib/validation/cipher";
import { uuidSchema } from "@/lib/validation/common";
import { IDENTITY_FIELDS } from "@/lib/vault/cipher-model";
import { cipherTypeOfNumber } from "./enums";

/**
 * CipherRequest, as the official apps send an item (DESIGN §12): Bitwarden's typed shape with every secret an
 * EncString. It is read loosely here, turned into Keyhouse's stored shape, and then checked by the same schema as the
 * web vault's items (lib/validation/cipher.ts), so an item is valid by one rule whoever wrote it.
 */
const value = z
  .unknown()
  .optional()
  .transform((given) => given ?? null);
const part = z.record(z.string(), z.unknown()).nullish();

export const cipherRequestSchema = z.object({
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
        .array(z.object({ uri: value, uriChecksum: value, match: value }))
        .nullish()
        .transform((uris) => uris ?? []),
      autofillOnPageLoad: value,
      fido2Credentials: z
        .array(z.record(z.string(), z.unknown()))
        .nullish()
        .transform((credentials) => credentials ?? []),
    })
    .nullish(),
  secureNote: part,
  card: part,
  identity: part,
  sshKey: part,
  fields: z
    .array(z.object({ type: value, name: value, value: value, linkedId: value }))
    .nullish()
    .transform((fields) => fields ?? []),
  passwordHistory: z
    .array(z.object({ password: value, lastUsedDate: value }))
    .nullish()
    .transform((history) => history ?? []),
  lastKnownRevisionDate: z.string().max(64).nullish(),
});

export type CipherRequest = z.output<typeof cipherRequestSchema>;

const CARD_FIELDS = ["cardholderName", "brand", "number", "expMonth", "expYear", "code"] as const;
const SSH_KEY_FIELDS = ["privateKey", "publicKey", "keyFingerprint"] as const;
const FIDO2_CREDENTIAL_FIELDS = [
  "credentialId",
  "keyType",
  "keyAlgorithm",
  "keyCurve",
  "keyValue",
  "rpId",
  "userHandle",
  "userName",
  "counter",
  "rpName",
  "userDisplayName",
  "discoverable",
  "creationDate",
] as const;

function pick(source: Record<string, unknown> | null | undefined, keys: readonly string[]) {
  return source ? Object.fromEntries(keys.map((key) => [key, source[key] ?? null])) : null;
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
      name: request.name,
      notes: request.notes,
      login:
        type === "login"
          ? {
              username: request.login?.username ?? null,
              password: request.login?.password ?? null,
              totp: request.login?.totp ?? null,
              uris: (request.login?.uris ?? []).map((entry) => ({
                uri: entry.uri,
                uriChecksum: entry.uriChecksum,
                match: entry.match,
              })),
              passwordRevisionDate: request.login?.passwordRevisionDate ?? null,
              autofillOnPageLoad: request.login?.autofillOnPageLoad ?? null,
              fido2Credentials: (request.login?.fido2Credentials ?? []).map((credential) =>
                pick(credential, FIDO2_CREDENTIAL_FIELDS),
              ),
            }
          : null,
      secureNote: type === "secure_note" ? { type: 0 } : null,
      card: type === "card" ? pick(request.card ?? {}, CARD_FIELDS) : null,
      identity: type === "identity" ? pick(request.identity ?? {}, IDENTITY_FIELDS) : null,
      sshKey: type === "ssh_key" ? pick(request.sshKey ?? {}, SSH_KEY_FIELDS) : null,
      fields: request.fields,
      passwordHistory: request.passwordHistory,
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
