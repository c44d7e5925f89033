import "server-only";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { notFound } from "next/navigation";
import { type Executor, getDb } from "@/db/client";
import { providerApiKeys, providerPendingClients } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type ProviderScope } from "@/lib/authz/scope-brand";
import type { RequestClientInput } from "@/lib/validation/clients";
import { reachesEveryClient } from "./client-reach";

/**
 * Clients asked for through the provider API (db/schema/provider-pending-clients.ts): asked for by a key, then set up
 * in the portal, where a provider member's browser makes the keys, or discarded.
 */

/** Requests that may wait at once: the Clients page lists them all, and a tool cannot bury it. */
export const MAX_WAITING_CLIENTS = 100;

const columns = {
  id: providerPendingClients.id,
  name: providerPendingClients.name,
  ownerEmail: providerPendingClients.ownerEmail,
  planType: providerPendingClients.planType,
  seats: providerPendingClients.seats,
  createdAt: providerPendingClients.createdAt,
  organizationId: providerPendingClients.organizationId,
  setUpAt: providerPendingClients.setUpAt,
};

export type PendingClient = {
  id: string;
  name: string;
  ownerEmail: string;
  planType: RequestClientInput["planType"];
  seats: number;
  createdAt: Date;
  organizationId: string | null;
  setUpAt: Date | null;
};

/** Records the request; the key that asked is kept, for the list to say which tool it was. */
export async function requestPendingClient(
  tx: Executor,
  scope: ProviderScope,
  input: RequestClientInput,
  apiKeyId: string | null,
): Promise<PendingClient> {
  const { providerId, userId } = assertScope(scope);
  const [waiting] = await tx
    .select({ n: count() })
    .from(providerPendingClients)
    .where(and(eq(providerPendingClients.providerId, providerId), isNull(providerPendingClients.setUpAt)));
  if ((waiting?.n ?? 0) >= MAX_WAITING_CLIENTS)
    throw new ActionError(
      `${MAX_WAITING_CLIENTS} clients already wait to be set up: set them up or discard some first.`,
    );
  const [row] = await tx
    .insert(providerPendingClients)
    .values({
      providerId,
      name: input.name,
      ownerEmail: input.ownerEmail,
      planType: input.planType,
      seats: input.seats,
      requestedBy: userId,
      apiKeyId,
    })
    .returning(columns);
  return row!;
}

/** The provider's requests still waiting to be set up, oldest first, with the name of the key that asked. */
export async function listPendingClients(scope: ProviderScope) {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({ ...columns, keyName: providerApiKeys.name })
    .from(providerPendingClients)
    .leftJoin(providerApiKeys, eq(providerApiKeys.id, providerPendingClients.apiKeyId))
    .where(and(eq(providerPendingClients.providerId, providerId), isNull(providerPendingClients.setUpAt)))
    .orderBy(asc(providerPendingClients.createdAt), asc(providerPendingClients.id));
}

/**
 * One of the provider's requests, set up or not; null when it is not the provider's (or was discarded), and for a
 * caller scoped to some clients: the queue is the whole provider's, and a request names a client they may not reach.
 */
export async function findPendingClient(scope: ProviderScope, pendingClientId: string): Promise<PendingClient | null> {
  const { providerId, providerUserId } = assertScope(scope);
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(providerPendingClients)
    .where(
      and(
        eq(providerPendingClients.id, pendingClientId),
        eq(providerPendingClients.providerId, providerId),
        reachesEveryClient(providerUserId),
      ),
    );
  return row ?? null;
}

/** Locks a request still waiting; anything else (another provider's, set up, discarded) is a 404. */
async function lockWaiting(tx: Executor, scope: ProviderScope, pendingClientId: string) {
  const { providerId } = assertScope(scope);
  const [row] = await tx
    .select(columns)
    .from(providerPendingClients)
    .where(
      and(
        eq(providerPendingClients.id, pendingClientId),
        eq(providerPendingClients.providerId, providerId),
        isNull(providerPendingClients.setUpAt),
      ),
    )
    .for("update");
  if (!row) notFound();
  return row;
}

/** Marks a waiting request as set up: it became this organization (in the transaction that created it). */
export async function markPendingClientSetUp(
  tx: Executor,
  scope: ProviderScope,
  pendingClientId: string,
  organizationId: string,
): Promise<void> {
  const row = await lockWaiting(tx, scope, pendingClientId);
  await tx
    .update(providerPendingClients)
    .set({ organizationId, setUpAt: new Date() })
    .where(eq(providerPendingClients.id, row.id));
}

/** Deletes a waiting request. */
export async function discardPendingClient(tx: Executor, scope: ProviderScope, pendingClientId: string) {
  const row = await lockWaiting(tx, scope, pendingClientId);
  await tx.delete(providerPendingClients).where(eq(providerPendingClients.id, row.id));
  return row;
}
