import "server-only";
import { signedAttachmentUrl } from "@/lib/auth/attachment-link";
import type { VaultAttachment } from "@/lib/dal/items";

/** "1.5 KB": how Bitwarden names a size next to the file (two decimals at most, 1024 to a unit). */
export function sizeName(bytes: number): string {
  const units = ["Bytes", "KB", "MB", "GB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${Math.round(size * 100) / 100} ${units[unit]}`;
}

/** AttachmentResponse (DESIGN §12): `size` is a string in Bitwarden's JSON; `url` is a short-lived download link. */
export function attachmentResponse(cipherId: string, attachment: VaultAttachment) {
  return {
    object: "attachment",
    id: attachment.id,
    url: signedAttachmentUrl(cipherId, attachment.id),
    fileName: attachment.fileName,
    key: attachment.key,
    size: String(attachment.size),
    sizeName: sizeName(attachment.size),
  };
}
