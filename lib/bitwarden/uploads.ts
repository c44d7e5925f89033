import "server-only";
import { maxAttachmentBytes } from "@/lib/server/config";
import { maxFileSizeMessage } from "@/lib/vault/attachments";
import { apiError } from "./route";

/** Room for the multipart envelope around the file (boundaries, headers, the encrypted file name). */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * The encrypted file of an upload: a multipart body whose `data` part is the file, as the apps and the web vault
 * send it. A body larger than the limit allows is refused before it is read.
 */
export async function readUploadedFile(
  request: Request,
): Promise<{ ok: true; data: Uint8Array<ArrayBuffer> } | { ok: false; response: Response }> {
  const limit = maxAttachmentBytes();
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit + ENVELOPE_BYTES) return { ok: false, response: apiError(400, maxFileSizeMessage(limit)) };
  let file: FormDataEntryValue | null = null;
  try {
    file = (await request.formData()).get("data");
  } catch {
    return { ok: false, response: apiError(400, "The upload must be a multipart form with the file in `data`.") };
  }
  if (!(file instanceof Blob)) return { ok: false, response: apiError(400, "The file is missing.") };
  if (file.size > limit) return { ok: false, response: apiError(400, maxFileSizeMessage(limit)) };
  return { ok: true, data: new Uint8Array(await file.arrayBuffer()) };
}
