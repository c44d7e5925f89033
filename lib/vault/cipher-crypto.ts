import {
  decryptString,
  encryptString,
  type EncString,
  sha256Base64,
  type SymmetricKey,
  unwrapSymmetricKey,
  wrapSymmetricKey,
} from "@/lib/crypto";
import { type CipherView, IDENTITY_FIELDS, type LoginUri } from "./cipher-model";
import { type CipherType } from "@/lib/enums";
import { mapItemParts, partAt, unknownPartsOf, type UnknownParts } from "./unknown-parts";

/**
 * Where a decrypted item keeps the unknown parts an app stored in it (lib/vault/unknown-parts.ts), still encrypted:
 * on each object of the view, under a symbol, so no field name can clash with it, spreading an object carries it and
 * nothing serializes it. Encrypting writes them back unchanged, in the same places.
 */
export const UNKNOWN_PARTS = Symbol("unknown parts");
type WithUnknownParts = { [UNKNOWN_PARTS]?: UnknownParts };

/** Puts each stored object's unknown parts on the matching object of the view. */
function attachUnknownParts<T extends object>(view: T, stored: object): T {
  return mapItemParts(view, (object, part, path) => {
    const source = partAt(stored, path);
    const unknown = source ? unknownPartsOf(source, part) : {};
    return Object.keys(unknown).length > 0 ? { ...object, [UNKNOWN_PARTS]: unknown } : object;
  });
}

/** Writes the view's unknown parts back into the encrypted item, where they were. */
function restoreUnknownParts<T extends object>(encrypted: T, view: object): T {
  return mapItemParts(encrypted, (object, _part, path) => {
    const unknown = (partAt(view, path) as WithUnknownParts | undefined)?.[UNKNOWN_PARTS];
    return unknown ? { ...unknown, ...object } : object;
  });
}

/** Values an item keeps readable when stored, as in Bitwarden's API: kinds, flags, link ids and dates. */
type PlainKey =
  | "type"
  | "reprompt"
  | "match"
  | "linkedId"
  | "passwordRevisionDate"
  | "lastUsedDate"
  | "autofillOnPageLoad"
  | "creationDate";

/** `T` with every secret string typed `S`: the same item in the clear (S = string) or encrypted (S = EncString). */
type WithSecrets<T, S extends string> = Flat<
  { [K in keyof T]: K extends PlainKey ? T[K] : SecretValue<T[K], S> } & (T extends LoginUri
    ? StoredUriChecksum<S>
    : unknown)
>;
type Flat<T> = { [K in keyof T]: T[K] };
/**
 * A stored URI also carries Bitwarden's `uriChecksum`: base64(SHA-256(URI)), encrypted like the URI. The apps check
 * it (and may drop a URI that does not match), so it is derived from the URI at every encryption, never kept apart.
 */
type StoredUriChecksum<S extends string> = S extends EncString ? { uriChecksum: EncString | null } : unknown;
type SecretValue<V, S extends string> = V extends string
  ? S
  : V extends readonly (infer E)[]
    ? WithSecrets<E, S>[]
    : V extends object
      ? WithSecrets<V, S>
      : V;

/**
 * The stored form of a decrypted shape: each secret string is an EncString (Bitwarden's `Login.username: EncString`
 * for `LoginView.username: string`), so the compiler keeps an item in the clear out of storage and vice versa.
 */
export type Encrypted<T> = WithSecrets<T, EncString>;

/** An item's content: everything but the plain type and reprompt flag. */
type CipherContent = Omit<CipherView, "type" | "reprompt">;

/**
 * An item as the server stores and relays it (DESIGN §4): Bitwarden's API shape, every secret string a type-2
 * EncString under the owning key (user key or organization key); only type, reprompt and dates are plain.
 */
export type EncryptedCipherData = Encrypted<CipherContent>;

/**
 * `key`: the item's own key (Bitwarden's cipher key) under the owning key, when an official app gave it one; the
 * fields are then encrypted with it. Keyhouse's browser encrypts under the owning key (key null).
 */
export type EncryptedCipher = { type: CipherType; reprompt: 0 | 1; key: EncString | null; data: EncryptedCipherData };

type Transform<From extends string, To extends string> = (value: From) => Promise<To>;

/**
 * Items stored before Keyhouse kept passkeys, the autofill choice and URI checksums lack those keys: read them as
 * none. Applied wherever stored data is read (the DAL, decryption), so the rest of the code sees one shape.
 */
export function withStoredDefaults(data: EncryptedCipherData): EncryptedCipherData {
  if (!data.login) return data;
  const login: Partial<EncryptedCipherData["login"] & object> = data.login;
  return {
    ...data,
    login: {
      ...data.login,
      uris: data.login.uris.map((entry) => ({ ...entry, uriChecksum: entry.uriChecksum ?? null })),
      autofillOnPageLoad: login.autofillOnPageLoad ?? null,
      fido2Credentials: login.fido2Credentials ?? [],
    },
  };
}

async function optional<From extends string, To extends string>(
  value: From | null,
  transform: Transform<From, To>,
): Promise<To | null> {
  return value === null || value === "" ? null : transform(value);
}

/** Applies `transform` to every secret string of an item's content, keeping its shape (encrypt and decrypt alike). */
async function mapSecrets<From extends string, To extends string>(
  item: WithSecrets<CipherContent, From>,
  transform: Transform<From, To>,
  mapUri: (entry: WithSecrets<LoginUri, From>) => Promise<WithSecrets<LoginUri, To>>,
): Promise<WithSecrets<CipherContent, To>> {
  const mapRecord = async <K extends string>(
    record: Record<K, From | null> | null,
    keys: readonly K[],
  ): Promise<Record<K, To | null> | null> => {
    if (!record) return null;
    const entries = await Promise.all(keys.map(async (key) => [key, await optional(record[key], transform)] as const));
    // Object.fromEntries forgets the keys it was given; they are exactly `keys`.
    return Object.fromEntries(entries) as Record<K, To | null>;
  };
  const login = item.login
    ? {
        username: await optional(item.login.username, transform),
        password: await optional(item.login.password, transform),
        totp: await optional(item.login.totp, transform),
        uris: await Promise.all(item.login.uris.map(mapUri)),
        passwordRevisionDate: item.login.passwordRevisionDate,
        autofillOnPageLoad: item.login.autofillOnPageLoad,
        fido2Credentials: await Promise.all(
          item.login.fido2Credentials.map(async (credential) => ({
            credentialId: await transform(credential.credentialId),
            keyType: await transform(credential.keyType),
            keyAlgorithm: await transform(credential.keyAlgorithm),
            keyCurve: await transform(credential.keyCurve),
            keyValue: await transform(credential.keyValue),
            rpId: await transform(credential.rpId),
            userHandle: await optional(credential.userHandle, transform),
            userName: await optional(credential.userName, transform),
            counter: await transform(credential.counter),
            rpName: await optional(credential.rpName, transform),
            userDisplayName: await optional(credential.userDisplayName, transform),
            discoverable: await transform(credential.discoverable),
            creationDate: credential.creationDate,
          })),
        ),
      }
    : null;
  return {
    name: await transform(item.name),
    notes: await optional(item.notes, transform),
    login,
    secureNote: item.secureNote,
    card: await mapRecord(item.card, ["cardholderName", "brand", "number", "expMonth", "expYear", "code"] as const),
    identity: await mapRecord(item.identity, IDENTITY_FIELDS),
    sshKey: await mapRecord(item.sshKey, ["privateKey", "publicKey", "keyFingerprint"] as const),
    fields: await Promise.all(
      item.fields.map(async (field) => ({
        type: field.type,
        name: await optional(field.name, transform),
        value: await optional(field.value, transform),
        linkedId: field.linkedId,
      })),
    ),
    passwordHistory: await Promise.all(
      item.passwordHistory.map(async (entry) => ({
        password: await transform(entry.password),
        lastUsedDate: entry.lastUsedDate,
      })),
    ),
  };
}

/**
 * Encrypts an item for storage: under its owner's key, or under its own key when it has one (`keep`, an item the
 * official apps gave a key), which stays the item's.
 *
 * Unknown parts an app stored (UNKNOWN_PARTS) are written back as they were, when they can still be read: when the
 * item keeps its own key, or when `sameOwnerKey` says the owning key is the one they were encrypted with. Otherwise
 * (a move into an organization without an item key, a clone) they are left out: Keyhouse cannot re-encrypt what it
 * does not understand, and ciphertext under a key the item no longer has would be unreadable to everyone.
 */
export async function encryptCipher(
  view: CipherView,
  ownerKey: SymmetricKey,
  keep?: ItemKeyToKeep,
  options: { sameOwnerKey?: boolean } = {},
): Promise<EncryptedCipher> {
  const { type, reprompt, ...content } = view;
  const own = keep ? await keptItemKey(keep, ownerKey) : null;
  const key = own?.key ?? ownerKey;
  const encrypt = (value: string) => encryptString(value, key);
  const data = await mapSecrets(content, encrypt, async ({ uri, match }) => ({
    uri: await encrypt(uri),
    uriChecksum: await encrypt(await sha256Base64(uri)),
    match,
  }));
  const keepUnknown = keep !== undefined || options.sameOwnerKey === true;
  return { type, reprompt, key: own?.wrapped ?? null, data: keepUnknown ? restoreUnknownParts(data, content) : data };
}

/**
 * An item's own key as stored (`itemKey`) and the key it is wrapped with now (`wrappedWith`): the owning key, which
 * differs from the new one when the item moves into an organization.
 */
export type ItemKeyToKeep = { itemKey: EncString; wrappedWith: SymmetricKey };

/** The item's own key, wrapped under the (possibly new) owning key, so an edit or a move keeps it as the apps do. */
async function keptItemKey(keep: ItemKeyToKeep, ownerKey: SymmetricKey) {
  const key = await unwrapSymmetricKey(keep.itemKey, keep.wrappedWith);
  const wrapped = keep.wrappedWith === ownerKey ? keep.itemKey : await wrapSymmetricKey(key, ownerKey);
  return { key, wrapped };
}

/**
 * Decrypts a stored item with the owning key, through the item's own key when it has one; fails (CryptoError) if
 * any part was tampered with or the key is wrong.
 */
export async function decryptCipher(
  cipher: Pick<EncryptedCipher, "type" | "reprompt" | "data"> & { key?: EncString | null },
  ownerKey: SymmetricKey,
): Promise<CipherView> {
  const key = cipher.key ? await unwrapSymmetricKey(cipher.key, ownerKey) : ownerKey;
  const decrypt = (value: EncString) => decryptString(value, key);
  // Checksums are for the apps, which may be shown a changed URI by the server; here the MAC already vouches for it.
  const content = await mapSecrets(withStoredDefaults(cipher.data), decrypt, async ({ uri, match }) => ({
    uri: await decrypt(uri),
    match,
  }));
  return { type: cipher.type, reprompt: cipher.reprompt, ...attachUnknownParts(content, cipher.data) };
}
