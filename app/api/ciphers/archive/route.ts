import { archiveItemsAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherIdsRequestSchema } from "@/lib/bitwarden/cipher-request";
import { cipherResponse } from "@/lib/bitwarden/ciphers";
import { listResponse } from "@/lib/bitwarden/list";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";
import { getVaultItems } from "@/lib/dal/items";

export const dynamic = "force-dynamic";

/** Archives several items (the CLI's `bw archive item`); the answer lists them as the apps store them. */
export const PUT = apiRoute(async (request) => {
  const scope = await requireUser();
  const body = await readJson(request, cipherIdsRequestSchema);
  if (!body.ok) return body.response;
  return actionResponse(await archiveItemsAction({ cipherIds: body.data.ids }), async () => {
    const changed = await getVaultItems(scope, body.data.ids);
    return listResponse(changed.map((found) => cipherResponse(found.item, found.useTotp)));
  });
});
