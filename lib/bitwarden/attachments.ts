import "server-only";
import { signedAttachmentUrl } from "@/lib/auth/attachment-link";
import type { VaultAttachment } from "@/lib/dal/items";
import { sizeName } from "@/lib/vault/attachments";

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
