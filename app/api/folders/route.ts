import { createFolderAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { folderAnswer, folderRequestSchema, folderResponse } from "@/lib/bitwarden/folders";
import { listResponse } from "@/lib/bitwarden/list";
import { actionResponse, apiRoute, json, readJson } from "@/lib/bitwarden/route";
import { listFolders } from "@/lib/dal/items";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () =>
  json(listResponse((await listFolders(await requireUser())).map(folderResponse))),
);

/** A new folder; its name is encrypted with the user key by the app. */
export const POST = apiRoute(async (request) => {
  const scope = await requireUser();
  const body = await readJson(request, folderRequestSchema);
  if (!body.ok) return body.response;
  const result = await createFolderAction({ name: body.data.name });
  return actionResponse(result, ({ folderId }) => folderAnswer(scope, folderId));
});
