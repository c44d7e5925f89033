import { assignCollectionsAction } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import type { UserScope } from "@/lib/authz/scope-brand";
import { cipherCollectionsRequestSchema } from "@/lib/bitwarden/cipher-request";
import { reachableItem } from "@/lib/bitwarden/items";
import { actionResponse, readJson } from "@/lib/bitwarden/route";

/**
 * Puts an organization item in exactly the collections the body names, among those the caller may add to (its other
 * links stay: lib/dal/item-writes.ts); for ./collections and ./collections_v2, `answer` makes each route's own answer.
 */
export async function assignItemCollections(
  request: Request,
  cipherId: string,
  answer: (scope: UserScope, itemId: string) => Promise<unknown>,
): Promise<Response> {
  const scope = await requireUser();
  const { item } = await reachableItem(scope, cipherId);
  const body = await readJson(request, cipherCollectionsRequestSchema);
  if (!body.ok) return body.response;
  const result = await assignCollectionsAction({ cipherId: item.id, collectionIds: body.data.collectionIds });
  return actionResponse(result, () => answer(scope, item.id));
}
