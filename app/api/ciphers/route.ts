import { createItem, purgeItemsAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherIdsRequestSchema, cipherRequestSchema, toKeyhouseCipher } from "@/lib/bitwarden/cipher-request";
import { itemAnswer } from "@/lib/bitwarden/items";
import { actionResponse, apiError, apiRoute, readJson } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

/** Creates an item in the caller's own vault (an organization item needs collections: ./create). */
export const POST = apiRoute(async (request) => {
  const scope = await requireUser();
  const body = await readJson(request, cipherRequestSchema);
  if (!body.ok) return body.response;
  const cipher = toKeyhouseCipher(body.data);
  if (!cipher.ok) return apiError(400, cipher.message);
  const state = { folderId: body.data.folderId ?? null, favorite: body.data.favorite ?? false };
  const result = await createItem(
    body.data.organizationId
      ? {
          owner: "organization",
          organizationId: body.data.organizationId,
          cipher: cipher.cipher,
          collectionIds: [],
          ...state,
        }
      : { owner: "me", cipher: cipher.cipher, ...state },
  );
  return actionResponse(result, ({ cipherId }) => itemAnswer(scope, cipherId));
});

/** Deletes several items for good, in or out of the trash (each needs manage rights). */
export const DELETE = apiRoute(async (request) => {
  await requireUser();
  const body = await readJson(request, cipherIdsRequestSchema);
  if (!body.ok) return body.response;
  return actionResponse(await purgeItemsAction({ cipherIds: body.data.ids, evenOutsideTrash: true }), () => undefined);
});
