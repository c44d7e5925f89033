import { trashItemsAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherIdsRequestSchema } from "@/lib/bitwarden/cipher-request";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

/** Sends several items to the trash. */
async function trash(request: Request) {
  await requireUser();
  const body = await readJson(request, cipherIdsRequestSchema);
  if (!body.ok) return body.response;
  return actionResponse(await trashItemsAction({ cipherIds: body.data.ids }), () => undefined);
}

export const PUT = apiRoute(trash);
export const POST = apiRoute(trash);
