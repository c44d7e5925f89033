import { unarchiveItemsAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherIdsRequestSchema } from "@/lib/bitwarden/cipher-request";
import { itemsAnswer } from "@/lib/bitwarden/items";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

/** Takes several items out of the archive; the answer lists them as the apps store them. */
export const PUT = apiRoute(async (request) => {
  const scope = await requireUser();
  const body = await readJson(request, cipherIdsRequestSchema);
  if (!body.ok) return body.response;
  return actionResponse(await unarchiveItemsAction({ cipherIds: body.data.ids }), () =>
    itemsAnswer(scope, body.data.ids),
  );
});
