import { keyedHash, type SymmetricKey } from "@/lib/crypto";

/**
 * How an organization recognises a file it imported before: a hash keyed with its organization key, made in the
 * browser. A plain hash of the file would be a fingerprint of its plaintext, which anyone holding the database and a
 * guess at the file could check; this one says only "the same file as before" to whoever lacks the key.
 */
export function importFileHash(text: string, organizationKey: SymmetricKey): Promise<string> {
  return keyedHash(organizationKey, "import file", text);
}
