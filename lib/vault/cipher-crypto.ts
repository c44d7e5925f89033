import { decryptString, encryptString, type SymmetricKey } from "@/lib/crypto";
import { type CipherType, type CipherView, IDENTITY_FIELDS } from "./cipher-model";

/**
 * An item as the server stores and relays it (DESIGN §4): Bitwarden's API shape, every secret string a type-2
 * EncString under the owning key (user key or organization key); only type, reprompt and dates are plain. Its
 * shape is the decrypted item's (CipherView), strings aside.
 */
export type EncryptedCipherData = Omit<CipherView, "type" | "reprompt">;

export type EncryptedCipher = { type: CipherType; reprompt: 0 | 1; data: EncryptedCipherData };

type Transform = (value: string) => Promise<string>;

async function optional(value: string | null, transform: Transform): Promise<string | null> {
  return value === null || value === "" ? null : transform(value);
}

/** Applies `transform` to every secret string of an item's data, keeping its shape (encrypt and decrypt alike). */
async function mapSecrets(item: EncryptedCipherData, transform: Transform): Promise<EncryptedCipherData> {
  const mapRecord = async <R extends Record<string, string | null>>(
    record: R | null,
    keys: readonly (keyof R)[],
  ): Promise<R | null> => {
    if (!record) return null;
    const entries = await Promise.all(
      keys.map(async (key) => [key, await optional(record[key] as string | null, transform)] as const),
    );
    return { ...record, ...Object.fromEntries(entries) };
  };
  const login = item.login
    ? {
        ...item.login,
        username: await optional(item.login.username, transform),
        password: await optional(item.login.password, transform),
        totp: await optional(item.login.totp, transform),
        uris: await Promise.all(
          item.login.uris.map(async (entry) => ({
            uri: (await optional(entry.uri, transform)) ?? "",
            match: entry.match,
          })),
        ),
      }
    : null;
  return {
    ...item,
    name: await transform(item.name),
    notes: await optional(item.notes, transform),
    login,
    card: await mapRecord(item.card, ["cardholderName", "brand", "number", "expMonth", "expYear", "code"] as const),
    identity: await mapRecord(item.identity, IDENTITY_FIELDS),
    sshKey: await mapRecord(item.sshKey, ["privateKey", "publicKey", "keyFingerprint"] as const),
    fields: await Promise.all(
      item.fields.map(async (field) => ({
        ...field,
        name: await optional(field.name, transform),
        value: await optional(field.value, transform),
      })),
    ),
    passwordHistory: await Promise.all(
      item.passwordHistory.map(async (entry) => ({ ...entry, password: await transform(entry.password) })),
    ),
  };
}

/** Encrypts an item for storage under its owner's key. */
export async function encryptCipher(view: CipherView, key: SymmetricKey): Promise<EncryptedCipher> {
  const { type, reprompt, ...content } = view;
  const data = await mapSecrets(content, (value) => encryptString(value, key));
  return { type, reprompt, data };
}

/** Decrypts a stored item; fails (CryptoError) if any part was tampered with or the key is wrong. */
export async function decryptCipher(cipher: EncryptedCipher, key: SymmetricKey): Promise<CipherView> {
  const content = await mapSecrets(cipher.data, (value) => decryptString(value, key));
  return { type: cipher.type, reprompt: cipher.reprompt, ...content };
}
