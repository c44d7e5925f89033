import "server-only";
import { notFound } from "next/navigation";
import type { UserScope } from "@/lib/authz/scope-brand";
import { getVaultItem, getVaultItems } from "@/lib/dal/items";
import { uuidSchema } from "@/lib/validation/common";
import { cipherResponse } from "./ciphers";
import { listResponse } from "./list";
import { apiError, json } from "./route";

/** The item the route names, as the caller reaches it; anything else (malformed, foreign, gone) is a 404. */
export async function reachableItem(scope: UserScope, cipherId: string) {
  const id = uuidSchema.safeParse(cipherId);
  const found = id.success ? await getVaultItem(scope, id.data) : null;
  if (!found) notFound();
  return found;
}

/** The item after a change, as the apps store it from the answer. */
export async function itemAnswer(scope: UserScope, cipherId: string): Promise<Response> {
  const { item, useTotp } = await reachableItem(scope, cipherId);
  return json(cipherResponse(item, useTotp));
}

/** Several items after a change, as a list (the ones the caller no longer reaches are left out); one query. */
export async function itemsAnswer(scope: UserScope, cipherIds: string[]) {
  const items = await getVaultItems(scope, cipherIds);
  return listResponse(items.map((found) => cipherResponse(found.item, found.useTotp)));
}

/**
 * An edit based on an older copy than the server's is refused, as Bitwarden does: the app syncs and the person
 * redoes it, rather than overwriting someone else's change.
 */
export function staleEdit(lastKnownRevisionDate: string | null | undefined, updatedAt: string): Response | null {
  if (!lastKnownRevisionDate) return null;
  const known = Date.parse(lastKnownRevisionDate);
  if (Number.isNaN(known) || Date.parse(updatedAt) - known <= 1000) return null;
  return apiError(
    400,
    "The item you are updating is out of date. Please save your work, sync your vault, and try again.",
  );
}
