import {
  type Bytes,
  decryptFile,
  decryptString,
  encryptFile,
  encryptString,
  type EncString,
  SymmetricKey,
  unwrapSymmetricKey,
  wrapSymmetricKey,
} from "@/lib/crypto";

/**
 * Attachments as Bitwarden's clients make them: each file gets a key of its own, which encrypts its bytes
 * (EncArrayBuffer); that key and the file name are encrypted under the item's own key when it has one, else under
 * the owning key (user or organization). The server receives only these.
 */

/** The key an item's attachment keys and file names are encrypted under. */
export async function attachmentWrappingKey(itemKey: EncString | null, ownerKey: SymmetricKey): Promise<SymmetricKey> {
  return itemKey ? unwrapSymmetricKey(itemKey, ownerKey) : ownerKey;
}

export type EncryptedAttachment = { fileName: EncString; key: EncString; data: Bytes };

export async function encryptAttachment(
  fileName: string,
  bytes: Uint8Array,
  wrappingKey: SymmetricKey,
): Promise<EncryptedAttachment> {
  const fileKey = SymmetricKey.generate();
  return {
    fileName: await encryptString(fileName, wrappingKey),
    key: await wrapSymmetricKey(fileKey, wrappingKey),
    data: await encryptFile(bytes, fileKey),
  };
}

export function decryptAttachmentName(attachment: { fileName: EncString }, wrappingKey: SymmetricKey) {
  return decryptString(attachment.fileName, wrappingKey);
}

export async function decryptAttachment(
  attachment: { key: EncString },
  data: Uint8Array,
  wrappingKey: SymmetricKey,
): Promise<Bytes> {
  return decryptFile(data, await unwrapSymmetricKey(attachment.key, wrappingKey));
}
