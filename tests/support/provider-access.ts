import { expect } from "vitest";
import {
  decideProviderAccessAction,
  requestProviderAccessAction,
} from "@/app/(console)/organizations/[organizationId]/provider-access/actions";
import { requireUser } from "@/lib/authz/scope";
import { listVaultItems } from "@/lib/dal/items";
import { signInAs } from "./session";

type AskedFor = Partial<{ access: "view" | "edit"; minutes: number; collectionId: string | null }>;
export type Answer = { decision: "approve"; access: "view" | "edit"; minutes: number } | { decision: "deny" };

/** As this provider member: a request for the client's items (all collections, view only, an hour); answers its id. */
export async function askForItems(userId: string, organizationId: string, input: AskedFor = {}): Promise<string> {
  await signInAs(userId);
  const result = await requestProviderAccessAction({
    organizationId,
    collectionId: null,
    reason: "Ticket 4711: the printer's admin password",
    access: "view",
    minutes: 60,
    ...input,
  });
  expect(result).toMatchObject({ ok: true });
  return (result as { requestId: string }).requestId;
}

/** As this client owner or admin: the answer to a request. */
export async function answerRequest(userId: string, organizationId: string, requestId: string, answer: Answer) {
  await signInAs(userId);
  return decideProviderAccessAction({ organizationId, requestId, ...answer });
}

/** The client's items the user's vault lists (through a grant, for a provider member). */
export async function servedItemIds(userId: string, organizationId: string): Promise<string[]> {
  await signInAs(userId);
  const { items } = await listVaultItems(await requireUser());
  return items.filter((item) => item.organizationId === organizationId).map((item) => item.id);
}
