import { deleteFolderAction, renameFolderAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { folderAnswer, folderRequestSchema, ownFolder } from "@/lib/bitwarden/folders";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

type Params = { folderId: string };

export const GET = apiRoute<Params>(async (_request, { folderId }) => folderAnswer(await requireUser(), folderId));

async function rename(request: Request, { folderId }: Params) {
  const scope = await requireUser();
  const folder = await ownFolder(scope, folderId);
  const body = await readJson(request, folderRequestSchema);
  if (!body.ok) return body.response;
  const result = await renameFolderAction({ folderId: folder.id, name: body.data.name });
  return actionResponse(result, () => folderAnswer(scope, folder.id));
}

export const PUT = apiRoute<Params>(rename);
export const POST = apiRoute<Params>(rename);

/** Deletes a folder; its items stay, outside any folder. */
export const DELETE = apiRoute<Params>(async (_request, { folderId }) => {
  const folder = await ownFolder(await requireUser(), folderId);
  return actionResponse(await deleteFolderAction({ folderId: folder.id }), () => undefined);
});
