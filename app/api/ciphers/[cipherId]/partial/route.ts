import { z } from "zod";
import { setItemStateAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { itemAnswer, reachableItem } from "@/lib/bitwarden/items";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";
import { uuidSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

const partialRequest = z.object({ folderId: uuidSchema.nullish(), favorite: z.boolean().nullish() });

/** The caller's own folder and favorite for an item they may only view. */
async function setState(request: Request, { cipherId }: Params) {
  const scope = await requireUser();
  const { item } = await reachableItem(scope, cipherId);
  const body = await readJson(request, partialRequest);
  if (!body.ok) return body.response;
  const result = await setItemStateAction({
    cipherId: item.id,
    folderId: body.data.folderId ?? null,
    favorite: body.data.favorite ?? false,
  });
  return actionResponse(result, () => itemAnswer(scope, item.id));
}

export const PUT = apiRoute<Params>(setState);
export const POST = apiRoute<Params>(setState);
