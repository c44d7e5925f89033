import { z } from "zod";
import {
  BITWARDEN_CIPHER_TYPE,
  type CipherView,
  type Fido2CredentialView,
  type FieldType,
  IDENTITY_FIELDS,
  newCipher,
  type UriMatch,
} from "@/lib/vault/cipher-model";
import { type CipherType } from "@/lib/enums";
import { addItem, emptyResult, skipRow } from "./result";
import { ImportFileError, type ParseResult } from "./types";

/** Bitwarden writes strings; hand-edited files sometimes hold numbers (an expiry month). Either reads as text. */
const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined || value === "" ? null : String(value)));

/** A date the server accepts (ISO 8601 with offset), or null when the file's is missing or unreadable. */
const date = text.transform((value) => {
  const time = value === null ? NaN : Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
});

const record = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, text])) as Record<K, typeof text>).nullish();

/** A passkey as Bitwarden exports it: every value a string, counter and discoverable too. */
const passkeySchema = z.object({
  credentialId: text,
  keyType: text,
  keyAlgorithm: text,
  keyCurve: text,
  keyValue: text,
  rpId: text,
  userHandle: text,
  userName: text,
  counter: text,
  rpName: text,
  userDisplayName: text,
  discoverable: text,
  creationDate: date,
});

/** A passkey the file has whole (key, credential and site), or none: a partial one could never sign in. */
function toPasskey(entry: z.infer<typeof passkeySchema>): Fido2CredentialView[] {
  const { credentialId, keyType, keyAlgorithm, keyCurve, keyValue, rpId } = entry;
  if (!credentialId || !keyType || !keyAlgorithm || !keyCurve || !keyValue || !rpId) return [];
  return [
    {
      ...entry,
      credentialId,
      keyType,
      keyAlgorithm,
      keyCurve,
      keyValue,
      rpId,
      counter: entry.counter ?? "0",
      discoverable: entry.discoverable ?? "false",
      creationDate: entry.creationDate ?? new Date().toISOString(),
    },
  ];
}

const itemSchema = z.object({
  type: z.number().int(),
  name: text,
  notes: text,
  reprompt: z.number().int().nullish(),
  folderId: z.string().nullish(),
  collectionIds: z.array(z.string()).nullish(),
  login: z
    .object({
      username: text,
      password: text,
      totp: text,
      uris: z.array(z.object({ uri: text, match: z.number().int().min(0).max(5).nullish() })).nullish(),
      passwordRevisionDate: date,
      fido2Credentials: z.array(passkeySchema).nullish(),
    })
    .nullish(),
  card: record(["cardholderName", "brand", "number", "expMonth", "expYear", "code"] as const),
  identity: record(IDENTITY_FIELDS),
  sshKey: record(["privateKey", "publicKey", "keyFingerprint"] as const),
  fields: z
    .array(
      z.object({
        name: text,
        value: text,
        type: z.number().int().min(0).max(3).nullish(),
        linkedId: z.number().int().nullish(),
      }),
    )
    .nullish(),
  passwordHistory: z.array(z.object({ password: text, lastUsedDate: date })).nullish(),
});

type BitwardenItem = z.infer<typeof itemSchema>;

const documentSchema = z.object({
  encrypted: z.boolean().optional(),
  passwordProtected: z.boolean().optional(),
  folders: z.array(z.object({ id: z.string(), name: z.string() })).nullish(),
  collections: z.array(z.object({ id: z.string(), name: z.string() })).nullish(),
  items: z.array(z.unknown(), { error: "missing items" }),
});

const TYPE_BY_NUMBER = new Map(
  Object.entries(BITWARDEN_CIPHER_TYPE).map(([type, number]) => [number, type as CipherType]),
);

/** Reads a file's text as JSON; its content never reaches the error. */
export function readJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new ImportFileError("The file is not valid JSON.");
  }
}

function toView(item: BitwardenItem, type: CipherType): CipherView {
  const view = newCipher(type, item.name ?? "");
  view.notes = item.notes;
  view.reprompt = item.reprompt === 1 ? 1 : 0;
  if (view.login && item.login) {
    view.login = {
      username: item.login.username,
      password: item.login.password,
      totp: item.login.totp,
      uris: (item.login.uris ?? []).flatMap((entry) =>
        entry.uri ? [{ uri: entry.uri, match: (entry.match ?? null) as UriMatch }] : [],
      ),
      passwordRevisionDate: item.login.passwordRevisionDate,
      autofillOnPageLoad: null,
      fido2Credentials: (item.login.fido2Credentials ?? []).flatMap(toPasskey),
    };
  }
  if (view.card && item.card) view.card = { ...view.card, ...item.card };
  if (view.identity && item.identity) view.identity = { ...view.identity, ...item.identity };
  if (view.sshKey && item.sshKey) view.sshKey = { ...view.sshKey, ...item.sshKey };
  view.fields = (item.fields ?? []).map((field) => ({
    type: (field.type ?? 0) as FieldType,
    name: field.name,
    value: field.value,
    linkedId: field.linkedId ?? null,
  }));
  // An old password without a readable date is still worth keeping; it counts as changed now.
  view.passwordHistory = (item.passwordHistory ?? []).flatMap((entry) =>
    entry.password ? [{ password: entry.password, lastUsedDate: entry.lastUsedDate ?? new Date().toISOString() }] : [],
  );
  return view;
}

/** Where an item sat: its folder (individual exports) or its first collection (organization exports). */
function folderNames(document: z.infer<typeof documentSchema>) {
  const names = new Map(
    [...(document.folders ?? []), ...(document.collections ?? [])].map((entry) => [entry.id, entry.name]),
  );
  return (item: BitwardenItem) => names.get(item.folderId ?? "") ?? names.get(item.collectionIds?.[0] ?? "") ?? null;
}

/** Whether a parsed JSON document is Bitwarden's password-protected export (it then needs its password). */
export function isPasswordProtectedDocument(document: unknown): boolean {
  return (
    typeof document === "object" &&
    document !== null &&
    (document as { passwordProtected?: unknown }).passwordProtected === true
  );
}

/** An unencrypted Bitwarden JSON export, individual (folders) or organization (collections). */
export function parseBitwardenJsonDocument(raw: unknown): ParseResult {
  if (isPasswordProtectedDocument(raw))
    throw new ImportFileError("This export is password protected: enter the password it was exported with.");
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) throw new ImportFileError("This is not a Bitwarden JSON export: it has no list of items.");
  if (parsed.data.encrypted) {
    throw new ImportFileError(
      "This export is encrypted with a Bitwarden account's own key, so only that account can import it. Export it again as unencrypted or password-protected JSON.",
    );
  }
  const folderOf = folderNames(parsed.data);
  const result = emptyResult();
  parsed.data.items.forEach((raw, index) => {
    const position = index + 1;
    const item = itemSchema.safeParse(raw);
    if (!item.success) {
      const path = item.error.issues[0]?.path.join(".") || "item";
      return skipRow(result, position, `The item is malformed (at ${path}).`);
    }
    const type = TYPE_BY_NUMBER.get(item.data.type);
    if (!type) return skipRow(result, position, "Its item type is unknown.");
    addItem(result, position, toView(item.data, type), folderOf(item.data));
  });
  return result;
}

export function parseBitwardenJson(text: string): ParseResult {
  return parseBitwardenJsonDocument(readJson(text));
}
