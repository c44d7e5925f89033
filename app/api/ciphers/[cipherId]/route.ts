import { purgeItemsAction, updateItemAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherRequestSchema, toKeyhouseCipher } from "@/lib/bitwarden/cipher-request";
import { itemAnswer, reachableItem, staleEdit } from "@/lib/bitwarden/items";
import { actionResponse, apiError, apiRoute, readJson } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

export const GET = apiRoute<Params>(async (_request, { cipherId }) => itemAnswer(await requireUser(), cipherId));

/** Replaces an item's content (and the caller's folder and favorite for it). */
async function update(request: Request, { cipherId }: Params) {
  const scope = await requireUser();
  const { item } = await reachableItem(scope, cipherId);
  const body = await readJson(request, cipherRequestSchema);
  if (!body.ok) return body.response;
  const stale = staleEdit(body.data.lastKnownRevisionDate, item.updatedAt);
  if (stale) return stale;
  const cipher = toKeyhouseCipher(body.data);
  if (!cipher.ok) return apiError(400, cipher.message);
  const result = await updateItemAction({
    cipherId: item.id,
    cipher: cipher.cipher,
    folderId: body.data.folderId ?? null,
    favorite: body.data.favorite ?? false,
  });
  return actionResponse(result, () => itemAnswer(scope, item.id));
}

export const PUT = apiRoute<Params>(update);
export const POST = apiRoute<Params>(update);

/** Deletes an item for good, whether or not it is in the trash (Bitwarden's rule); it needs manage rights. */
export const DELETE = apiRoute<Params>(async (_request, { cipherId }) => {
  const { item } = await reachableItem(await requireUser(), cipherId);
  return actionResponse(await purgeItemsAction({ cipherIds: [item.id], evenOutsideTrash: true }), () => undefined);
});
