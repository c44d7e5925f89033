import { z } from "zod";
import { moveItemToOrganizationAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherRequestSchema, toKeyhouseCipher } from "@/lib/bitwarden/cipher-request";
import { itemAnswer, reachableItem } from "@/lib/bitwarden/items";
import { actionResponse, apiError, apiRoute, readJson } from "@/lib/bitwarden/route";
import { uuidSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

const shareRequest = z.object({ cipher: cipherRequestSchema, collectionIds: z.array(uuidSchema).max(100) });

/** Moves a personal item into an organization: the app re-encrypted it with the organization key. */
async function share(request: Request, { cipherId }: Params) {
  const scope = await requireUser();
  const { item } = await reachableItem(scope, cipherId);
  const body = await readJson(request, shareRequest);
  if (!body.ok) return body.response;
  const organizationId = body.data.cipher.organizationId;
  if (!organizationId) return apiError(400, "Name the organization to move the item to.");
  const cipher = toKeyhouseCipher(body.data.cipher);
  if (!cipher.ok) return apiError(400, cipher.message);
  const result = await moveItemToOrganizationAction({
    cipherId: item.id,
    organizationId,
    cipher: cipher.cipher,
    collectionIds: body.data.collectionIds,
  });
  return actionResponse(result, () => itemAnswer(scope, item.id));
}

export const PUT = apiRoute<Params>(share);
export const POST = apiRoute<Params>(share);
