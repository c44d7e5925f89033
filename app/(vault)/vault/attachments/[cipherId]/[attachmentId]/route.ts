import { uploadAttachmentAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { readUploadedFile } from "@/lib/bitwarden/uploads";
import { actionResponse, notFoundResponse } from "@/lib/bitwarden/route";
import { readAttachmentContent } from "@/lib/dal/attachments";
import { uuidSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

type Params = { cipherId: string; attachmentId: string };

/**
 * The web vault's file transfers, with its session cookie (the file is larger than a server action may carry).
 * Reads and writes ask the same DAL checks as the apps' routes; the bytes are ciphertext both ways.
 */

function idsOf(params: Params) {
  const cipherId = uuidSchema.safeParse(params.cipherId);
  const attachmentId = uuidSchema.safeParse(params.attachmentId);
  return cipherId.success && attachmentId.success ? { cipherId: cipherId.data, attachmentId: attachmentId.data } : null;
}

export async function GET(_request: Request, context: { params: Promise<Params> }): Promise<Response> {
  const scope = await requireUser();
  const ids = idsOf(await context.params);
  const data = ids ? await readAttachmentContent(scope, ids.cipherId, ids.attachmentId) : null;
  if (!data) return notFoundResponse();
  return new Response(data as Uint8Array<ArrayBuffer>, {
    headers: { "Content-Type": "application/octet-stream", "Cache-Control": "no-store" },
  });
}

export async function POST(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  await requireUser();
  const ids = idsOf(await context.params);
  if (!ids) return notFoundResponse();
  const file = await readUploadedFile(request);
  if (!file.ok) return file.response;
  return actionResponse(await uploadAttachmentAction({ ...ids, data: file.data }), () => undefined);
}
