import { CIPHER_LIMITS, type CipherView } from "@/lib/vault/cipher-model";

/**
 * The length of the type-2 EncString `text` becomes: "2." iv "|" ciphertext "|" mac, in base64, where AES-CBC
 * pads to the next 16-byte block. The server checks sizes on ciphertext, so the importer checks the same thing
 * before encrypting and can name the problem.
 */
export function encryptedLength(text: string): number {
  const bytes = new TextEncoder().encode(text).length;
  const cipherBytes = 16 * (Math.floor(bytes / 16) + 1);
  return 2 + 24 + 1 + 4 * Math.ceil(cipherBytes / 3) + 1 + 44;
}

function tooLong(value: string | null | undefined, max: number = CIPHER_LIMITS.valueLength): boolean {
  return typeof value === "string" && value !== "" && encryptedLength(value) > max;
}

function anyTooLong(record: Record<string, string | null> | null): boolean {
  return record !== null && Object.values(record).some((value) => tooLong(value));
}

/** Why an item cannot be stored as it is (Bitwarden's limits, cipher-model.ts), or null when it fits. */
export function limitProblem(view: CipherView): string | null {
  if (tooLong(view.name, CIPHER_LIMITS.nameLength)) return "The name is too long: keep it under about 680 characters.";
  if (tooLong(view.notes, CIPHER_LIMITS.notesLength))
    return "The notes are too long: keep them under about 7,000 characters.";
  const login = view.login;
  if (login) {
    if (login.uris.length > CIPHER_LIMITS.uris) return `It has more than ${CIPHER_LIMITS.uris} URIs.`;
    if (login.uris.some((entry) => tooLong(entry.uri)))
      return "A URI is too long: keep it under about 7,000 characters.";
    if (tooLong(login.username) || tooLong(login.password) || tooLong(login.totp)) {
      return "The username, password or TOTP secret is too long: keep each under about 7,000 characters.";
    }
    if (login.fido2Credentials.length > CIPHER_LIMITS.fido2Credentials)
      return `It has more than ${CIPHER_LIMITS.fido2Credentials} passkeys.`;
    if (login.fido2Credentials.some((passkey) => anyTooLong({ ...passkey, creationDate: null })))
      return "A passkey is too long: keep each of its values under about 7,000 characters.";
  }
  if (anyTooLong(view.card) || anyTooLong(view.identity) || anyTooLong(view.sshKey)) {
    return "A value is too long: keep each under about 7,000 characters.";
  }
  if (view.fields.length > CIPHER_LIMITS.fields) return `It has more than ${CIPHER_LIMITS.fields} custom fields.`;
  if (view.fields.some((field) => tooLong(field.name) || tooLong(field.value))) {
    return "A custom field is too long: keep each under about 7,000 characters.";
  }
  return null;
}
