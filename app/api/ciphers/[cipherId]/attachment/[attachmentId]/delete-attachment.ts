import { deleteAttachmentAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherResponse } from "@/lib/bitwarden/ciphers";
import { reachableItem } from "@/lib/bitwarden/items";
import { actionResponse, notFoundResponse } from "@/lib/bitwarden/route";
import { uuidSchema } from "@/lib/validation/common";

export type AttachmentParams = { cipherId: string; attachmentId: string };

/** DELETE and POST .../delete: the answer is DeleteAttachmentResponse, the item as it is now. */
export async function deleteAttachmentRoute(_request: Request, { cipherId, attachmentId }: AttachmentParams) {
  const scope = await requireUser();
  const { item } = await reachableItem(scope, cipherId);
  const id = uuidSchema.safeParse(attachmentId);
  if (!id.success) return notFoundResponse();
  const result = await deleteAttachmentAction({ cipherId: item.id, attachmentId: id.data });
  return actionResponse(result, async () => {
    const after = await reachableItem(scope, item.id);
    return { object: "attachment-delete", cipher: cipherResponse(after.item, after.useTotp) };
  });
}
