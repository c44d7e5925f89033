import { z } from "zod";
import { createItem } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherRequestSchema, toKeyhouseCipher } from "@/lib/bitwarden/cipher-request";
import { itemAnswer } from "@/lib/bitwarden/items";
import { actionResponse, apiError, apiRoute, readJson } from "@/lib/bitwarden/route";
import { uuidSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

const createRequest = z.object({ cipher: cipherRequestSchema, collectionIds: z.array(uuidSchema).max(100) });

/** Creates an organization item in the given collections (the caller must be able to add to each). */
export const POST = apiRoute(async (request) => {
  const scope = await requireUser();
  const body = await readJson(request, createRequest);
  if (!body.ok) return body.response;
  const { cipher: sent, collectionIds } = body.data;
  if (!sent.organizationId) return apiError(400, "An item in collections belongs to an organization.");
  const cipher = toKeyhouseCipher(sent);
  if (!cipher.ok) return apiError(400, cipher.message);
  const result = await createItem({
    owner: "organization",
    organizationId: sent.organizationId,
    cipher: cipher.cipher,
    collectionIds,
    folderId: sent.folderId ?? null,
    favorite: sent.favorite ?? false,
  });
  return actionResponse(result, ({ cipherId }) => itemAnswer(scope, cipherId));
});
