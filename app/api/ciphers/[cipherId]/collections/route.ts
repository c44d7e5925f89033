import { assignCollectionsAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherCollectionsRequestSchema } from "@/lib/bitwarden/cipher-request";
import { itemAnswer, reachableItem } from "@/lib/bitwarden/items";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

/** Older apps' form of ./collections_v2: the answer is the item itself. */
async function assign(request: Request, { cipherId }: Params) {
  const scope = await requireUser();
  const { item } = await reachableItem(scope, cipherId);
  const body = await readJson(request, cipherCollectionsRequestSchema);
  if (!body.ok) return body.response;
  const result = await assignCollectionsAction({ cipherId: item.id, collectionIds: body.data.collectionIds });
  return actionResponse(result, () => itemAnswer(scope, item.id));
}

export const PUT = apiRoute<Params>(assign);
export const POST = apiRoute<Params>(assign);
