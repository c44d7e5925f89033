import { uploadAttachmentAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { attachmentResponse } from "@/lib/bitwarden/attachments";
import { readUploadedFile } from "@/lib/bitwarden/uploads";
import { reachableItem } from "@/lib/bitwarden/items";
import { actionResponse, apiRoute, json, notFoundResponse } from "@/lib/bitwarden/route";
import { uuidSchema } from "@/lib/validation/common";
import { type AttachmentParams, deleteAttachmentRoute } from "./delete-attachment";

export const dynamic = "force-dynamic";

/** The attachment with a download link (AttachmentResponse), for whoever reaches the item. */
export const GET = apiRoute<AttachmentParams>(async (_request, { cipherId, attachmentId }) => {
  const { item } = await reachableItem(await requireUser(), cipherId);
  const attachment = item.attachments.find((file) => file.id === attachmentId.toLowerCase());
  return attachment ? json(attachmentResponse(item.id, attachment)) : notFoundResponse();
});

/** The upload of an announced file (Direct): multipart, the encrypted bytes in `data`. */
export const POST = apiRoute<AttachmentParams>(async (request, { cipherId, attachmentId }) => {
  const { item } = await reachableItem(await requireUser(), cipherId);
  const id = uuidSchema.safeParse(attachmentId);
  if (!id.success) return notFoundResponse();
  const file = await readUploadedFile(request);
  if (!file.ok) return file.response;
  const result = await uploadAttachmentAction({ cipherId: item.id, attachmentId: id.data, data: file.data });
  return actionResponse(result, () => undefined);
});

export const DELETE = apiRoute<AttachmentParams>(deleteAttachmentRoute);
