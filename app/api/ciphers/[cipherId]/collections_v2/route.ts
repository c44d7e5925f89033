import { assignCollectionsAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherCollectionsRequestSchema } from "@/lib/bitwarden/cipher-request";
import { cipherResponse } from "@/lib/bitwarden/ciphers";
import { reachableItem } from "@/lib/bitwarden/items";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";
import { getVaultItem } from "@/lib/dal/items";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

/**
 * Puts an organization item in exactly these collections. The answer says whether the caller still reaches it (they
 * may have taken it out of their own collections).
 */
async function assign(request: Request, { cipherId }: Params) {
  const scope = await requireUser();
  const { item } = await reachableItem(scope, cipherId);
  const body = await readJson(request, cipherCollectionsRequestSchema);
  if (!body.ok) return body.response;
  const result = await assignCollectionsAction({ cipherId: item.id, collectionIds: body.data.collectionIds });
  return actionResponse(result, async () => {
    const after = await getVaultItem(scope, item.id);
    return {
      object: "optionalCipherDetails",
      unavailable: !after,
      cipher: after ? cipherResponse(after.item, after.useTotp) : null,
    };
  });
}

export const PUT = apiRoute<Params>(assign);
export const POST = apiRoute<Params>(assign);
