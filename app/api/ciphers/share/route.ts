import { z } from "zod";
import { moveItemsToOrganizationAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { cipherRequestSchema, toKeyhouseCipher } from "@/lib/bitwarden/cipher-request";
import { itemsAnswer } from "@/lib/bitwarden/items";
import { actionResponse, apiError, apiRoute, readJson } from "@/lib/bitwarden/route";
import type { EncryptedCipherInput } from "@/lib/validation/cipher";
import { uuidSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

/** CipherBulkShareRequest: items (CipherWithIdRequest) re-encrypted for one organization, and its collections. */
const bulkShareRequest = z.object({
  ciphers: z
    .array(cipherRequestSchema.extend({ id: uuidSchema }))
    .min(1)
    .max(100),
  collectionIds: z.array(uuidSchema).max(100),
});

/**
 * Moves several personal items into an organization (the apps' bulk "move to organization"): all of them or none,
 * each as the single move does (./[cipherId]/share).
 */
async function shareMany(request: Request) {
  const scope = await requireUser();
  const body = await readJson(request, bulkShareRequest);
  if (!body.ok) return body.response;
  const organizationIds = new Set(body.data.ciphers.map((cipher) => cipher.organizationId));
  const [organizationId] = organizationIds;
  if (organizationIds.size !== 1 || !organizationId)
    return apiError(400, "Name one organization to move the items to.");
  const items: { cipherId: string; cipher: EncryptedCipherInput }[] = [];
  for (const sent of body.data.ciphers) {
    const cipher = toKeyhouseCipher(sent);
    if (!cipher.ok) return apiError(400, cipher.message);
    items.push({ cipherId: sent.id, cipher: cipher.cipher });
  }
  const result = await moveItemsToOrganizationAction({
    organizationId,
    items,
    collectionIds: body.data.collectionIds,
  });
  return actionResponse(result, () =>
    itemsAnswer(
      scope,
      items.map((item) => item.cipherId),
    ),
  );
}

export const PUT = apiRoute(shareMany);
export const POST = apiRoute(shareMany);
