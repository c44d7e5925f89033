import { trashItemsAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { reachableItem } from "@/lib/bitwarden/items";
import { actionResponse, apiRoute } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

/** Sends an item to the trash. */
export const PUT = apiRoute<Params>(async (_request, { cipherId }) => {
  const { item } = await reachableItem(await requireUser(), cipherId);
  return actionResponse(await trashItemsAction({ cipherIds: [item.id] }), () => undefined);
});
