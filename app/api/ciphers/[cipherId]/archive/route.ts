import { archiveItemsAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { itemAnswer, reachableItem } from "@/lib/bitwarden/items";
import { actionResponse, apiRoute } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

/** One item into the archive, as Bitwarden's server also offers. */
export const PUT = apiRoute<Params>(async (_request, { cipherId }) => {
  const scope = await requireUser();
  const { item } = await reachableItem(scope, cipherId);
  return actionResponse(await archiveItemsAction({ cipherIds: [item.id] }), () => itemAnswer(scope, item.id));
});
