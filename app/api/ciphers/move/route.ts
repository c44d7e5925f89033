import { moveItemsToFolderAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherMoveRequestSchema } from "@/lib/bitwarden/cipher-request";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

/** Files several items in one of the caller's folders. */
async function move(request: Request) {
  await requireUser();
  const body = await readJson(request, cipherMoveRequestSchema);
  if (!body.ok) return body.response;
  return actionResponse(
    await moveItemsToFolderAction({ cipherIds: body.data.ids, folderId: body.data.folderId ?? null }),
    () => undefined,
  );
}

export const PUT = apiRoute(move);
export const POST = apiRoute(move);
