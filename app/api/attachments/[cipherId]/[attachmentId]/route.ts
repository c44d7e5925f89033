import { attachmentTokenValid } from "@/lib/auth/attachment-link";
import { notFoundResponse } from "@/lib/bitwarden/route";
import { readSignedAttachmentContent } from "@/lib/dal/attachments";
import { uuidSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

type Params = { cipherId: string; attachmentId: string };

/**
 * The download link of an attachment (lib/auth/attachment-link.ts): the apps fetch it without their token, so the
 * link's signature is the proof. Anything wrong (no token, expired, another file's) is a 404.
 */
export async function GET(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  const { cipherId, attachmentId } = await context.params;
  const ids = [uuidSchema.safeParse(cipherId), uuidSchema.safeParse(attachmentId)];
  const token = new URL(request.url).searchParams.get("token");
  if (!ids.every((id) => id.success) || !attachmentTokenValid(token, cipherId, attachmentId)) return notFoundResponse();
  const data = await readSignedAttachmentContent(cipherId, attachmentId);
  if (!data) return notFoundResponse();
  return new Response(data as Uint8Array<ArrayBuffer>, {
    headers: { "Content-Type": "application/octet-stream", "Cache-Control": "no-store" },
  });
}
