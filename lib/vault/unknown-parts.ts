import { type EncString, isEncString } from "@/lib/crypto";
import { IDENTITY_FIELDS } from "./cipher-model";

/**
 * Unknown parts: properties a newer official app writes into an item that Keyhouse does not know yet. They are kept
 * and served back in the same place, so an app's data survives a server (and a web vault) that predates it. The
 * server cannot tell ciphertext from plaintext in an arbitrary string, so only EncString-shaped values (or null) are
 * kept: whatever else an app sends under an unknown name is left out, as Bitwarden's server ignores properties it does
 * not know. Names and counts are bounded so that an item cannot become a store for arbitrary blobs.
 */

/** The properties Keyhouse knows in each part of a stored item; every other property of that part is unknown. */
export const KNOWN_PROPERTIES = {
  cipher: ["name", "notes", "login", "secureNote", "card", "identity", "sshKey", "fields", "passwordHistory"],
  login: ["username", "password", "totp", "uris", "passwordRevisionDate", "autofillOnPageLoad", "fido2Credentials"],
  uri: ["uri", "uriChecksum", "match"],
  fido2Credential: [
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
  ],
  secureNote: ["type"],
  card: ["cardholderName", "brand", "number", "expMonth", "expYear", "code"],
  identity: IDENTITY_FIELDS,
  sshKey: ["privateKey", "publicKey", "keyFingerprint"],
  field: ["type", "name", "value", "linkedId"],
  passwordHistory: ["password", "lastUsedDate"],
} as const satisfies Record<string, readonly string[]>;

export type ItemPart = keyof typeof KNOWN_PROPERTIES;

/**
 * Names an item's own unknown parts cannot take: CipherRequest's metadata (stored apart from the document or not at
 * all), newer item types Keyhouse does not store, and the names of its API response, which they would stand in for.
 */
const RESERVED_ITEM_NAMES = new Set([
  "type",
  "organizationId",
  "folderId",
  "favorite",
  "reprompt",
  "key",
  "lastKnownRevisionDate",
  "encryptedFor",
  "encryptedByKeyId",
  "attachments",
  "attachments2",
  "archivedDate",
  "data",
  "collectionIds",
  "bankAccount",
  "driversLicense",
  "passport",
  "object",
  "id",
  "edit",
  "viewPassword",
  "permissions",
  "organizationUseTotp",
  "creationDate",
  "revisionDate",
  "deletedDate",
]);

function isReserved(name: string, part: ItemPart): boolean {
  return part === "cipher" && RESERVED_ITEM_NAMES.has(name);
}

export const UNKNOWN_PART_LIMITS = {
  /** At most this many unknown parts in any one object of an item (the item, its login, each URI…). */
  perObject: 10,
  name: /^[a-zA-Z][a-zA-Z0-9]{0,63}$/,
  /** Ciphertext characters, as for every other encrypted value of an item (CIPHER_LIMITS.valueLength). */
  valueLength: 10_000,
} as const;

/** An object's unknown parts, by name: each an EncString under the key the item's fields are encrypted with. */
export type UnknownParts = Readonly<Record<string, EncString | null>>;

const knownSets = Object.fromEntries(
  Object.entries(KNOWN_PROPERTIES).map(([part, names]) => [part, new Set<string>(names)]),
) as Record<ItemPart, Set<string>>;

function unknownEntries(source: object, part: ItemPart): [string, unknown][] {
  return Object.entries(source).filter(([name]) => !knownSets[part].has(name));
}

/** A value worth keeping: a type-2 EncString (the item's fields are all type 2) or null. */
function isKeepable(value: unknown): value is EncString | null {
  return value === null || isEncString(value, 2);
}

/**
 * The unknown parts of an object an app sent, as the server may keep them: values that are not EncStrings are left
 * out (see above). Names and counts are not checked here: the item's schema refuses what breaks the limits, so an
 * app is told rather than losing ciphertext silently.
 */
export function keepableUnknownParts(source: object | null | undefined, part: ItemPart): UnknownParts {
  if (!source) return {};
  return Object.fromEntries(
    unknownEntries(source, part).filter(([name, value]) => !isReserved(name, part) && isKeepable(value)),
  ) as UnknownParts;
}

/** An object's unknown parts as stored (already validated), to carry them through an edit. */
export function unknownPartsOf(source: object, part: ItemPart): UnknownParts {
  return Object.fromEntries(unknownEntries(source, part)) as UnknownParts;
}

/** Why an object's unknown parts cannot be stored, or null. The one rule, for the apps' routes and the web vault. */
export function unknownPartsProblem(source: object, part: ItemPart): string | null {
  const entries = unknownEntries(source, part);
  if (entries.length > UNKNOWN_PART_LIMITS.perObject)
    return `A part of an item can carry at most ${UNKNOWN_PART_LIMITS.perObject} properties Keyhouse does not know.`;
  for (const [name, value] of entries) {
    if (!UNKNOWN_PART_LIMITS.name.test(name) || isReserved(name, part))
      return "An unknown property of an item has a name Keyhouse cannot keep.";
    if (!isKeepable(value)) return `The unknown property "${name}" of an item is not encrypted.`;
    if (value !== null && value.length > UNKNOWN_PART_LIMITS.valueLength)
      return `The unknown property "${name}" of an item is too long.`;
  }
  return null;
}

type PartObject = Record<string, unknown>;
type Path = readonly (string | number)[];

/**
 * Rebuilds an item's content (stored or in the clear: both have the same shape) with `visit` applied to each of its
 * objects, innermost first; `path` is where the object sits, so a second item of the same shape can be read alongside.
 */
export function mapItemParts<T extends object>(
  content: T,
  visit: (object: PartObject, part: ItemPart, path: Path) => PartObject,
): T {
  const item = content as PartObject & {
    login?: (PartObject & { uris: PartObject[]; fido2Credentials?: PartObject[] }) | null;
    fields?: PartObject[];
    passwordHistory?: PartObject[];
  };
  const each = (list: PartObject[] | undefined, part: ItemPart, path: Path) =>
    list?.map((entry, index) => visit(entry, part, [...path, index]));
  const single = (name: "secureNote" | "card" | "identity" | "sshKey") => {
    const value = item[name] as PartObject | null | undefined;
    return value ? { [name]: visit(value, name, [name]) } : {};
  };
  const login = item.login
    ? {
        login: visit(
          {
            ...item.login,
            uris: each(item.login.uris, "uri", ["login", "uris"]),
            ...(item.login.fido2Credentials
              ? {
                  fido2Credentials: each(item.login.fido2Credentials, "fido2Credential", ["login", "fido2Credentials"]),
                }
              : {}),
          },
          "login",
          ["login"],
        ),
      }
    : {};
  const rebuilt = {
    ...item,
    ...login,
    ...single("secureNote"),
    ...single("card"),
    ...single("identity"),
    ...single("sshKey"),
    ...(item.fields ? { fields: each(item.fields, "field", ["fields"]) } : {}),
    ...(item.passwordHistory
      ? { passwordHistory: each(item.passwordHistory, "passwordHistory", ["passwordHistory"]) }
      : {}),
  };
  return visit(rebuilt, "cipher", []) as T;
}

/** The object at `path` in an item's content, if there is one. */
export function partAt(content: object, path: Path): PartObject | undefined {
  let at: unknown = content;
  for (const step of path)
    at = at && typeof at === "object" ? (at as Record<string | number, unknown>)[step] : undefined;
  return at && typeof at === "object" ? (at as PartObject) : undefined;
}

/** The item without its unknown parts (for a reader who may not see every secret: any of them could be one). */
export function withoutUnknownParts<T extends object>(content: T): T {
  return mapItemParts(content, (object, part) =>
    Object.fromEntries(Object.entries(object).filter(([name]) => knownSets[part].has(name))),
  );
}
