import { z } from "zod";
import { createAttachmentAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherResponse } from "@/lib/bitwarden/ciphers";
import { reachableItem, staleEdit } from "@/lib/bitwarden/items";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";
import { appUrl } from "@/lib/server/config";
import { encStringSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

/** AttachmentRequest: what the apps announce before uploading a file. */
const attachmentRequestSchema = z.object({
  key: encStringSchema(),
  fileName: encStringSchema(),
  fileSize: z.number({ error: "The file size must be a number." }),
  adminRequest: z.boolean().nullish(),
  lastKnownRevisionDate: z.string().nullish(),
});

/**
 * Announces a file: the answer names the attachment and says to upload it here (Direct, type 0). The item in the
 * answer lists the new file already, as Bitwarden's does: the apps keep it and show the file at once.
 */
export const POST = apiRoute<Params>(async (request, { cipherId }) => {
  const scope = await requireUser();
  const { item } = await reachableItem(scope, cipherId);
  const body = await readJson(request, attachmentRequestSchema);
  if (!body.ok) return body.response;
  const stale = staleEdit(body.data.lastKnownRevisionDate, item.updatedAt);
  if (stale) return stale;
  const { key, fileName, fileSize: size } = body.data;
  const result = await createAttachmentAction({ cipherId: item.id, fileName, key, size });
  return actionResponse(result, async ({ attachmentId }) => {
    const after = await reachableItem(scope, item.id);
    const announced = { id: attachmentId, fileName, key, size };
    return {
      object: "attachment-fileUpload",
      attachmentId,
      url: appUrl(`/api/ciphers/${item.id}/attachment/${attachmentId}`),
      fileUploadType: 0,
      cipherResponse: cipherResponse(
        { ...after.item, attachments: [...after.item.attachments, announced] },
        after.useTotp,
      ),
      cipherMiniResponse: null,
    };
  });
});
