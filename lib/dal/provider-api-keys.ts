import "server-only";
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { type Executor, getDb } from "@/db/client";
import { providerApiKeys, providers, users } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type ProviderScope } from "@/lib/authz/scope-brand";
import type { ProviderApiAccess } from "@/lib/enums";
import { newSecret, secretHash } from "@/lib/server/secret-token";
import type { CreateProviderApiKeyInput } from "@/lib/validation/provider-api-keys";
import type { ApiKeyClaims } from "./accounts";
import { qualified } from "./client-reach";
import { type EventOrigin, insertEvent } from "./events";

/**
 * Provider API keys (db/schema/provider-api-keys.ts): a key is `khp_` and a random secret, shown once; the database
 * keeps the secret's SHA-256, which is also how a request's key is found.
 */
export const PROVIDER_API_KEY_PREFIX = "khp_";

export type ProviderApiKeyRow = {
  id: string;
  name: string;
  access: ProviderApiAccess;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The provider's keys, newest first, revoked ones included (they say when). */
export async function listProviderApiKeys(scope: ProviderScope): Promise<ProviderApiKeyRow[]> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({
      id: providerApiKeys.id,
      name: providerApiKeys.name,
      access: providerApiKeys.access,
      createdAt: providerApiKeys.createdAt,
      createdBy: users.email,
      lastUsedAt: providerApiKeys.lastUsedAt,
      revokedAt: providerApiKeys.revokedAt,
    })
    .from(providerApiKeys)
    .leftJoin(users, eq(users.id, providerApiKeys.createdBy))
    .where(eq(providerApiKeys.providerId, providerId))
    .orderBy(desc(providerApiKeys.createdAt), desc(providerApiKeys.id));
}

/** Makes a key; answers it whole, the only time it is seen. */
export async function createProviderApiKey(
  tx: Executor,
  scope: ProviderScope,
  input: Pick<CreateProviderApiKeyInput, "name" | "access">,
): Promise<{ id: string; key: string }> {
  const { providerId, userId } = assertScope(scope);
  const { secret, hash } = newSecret(32);
  const [row] = await tx
    .insert(providerApiKeys)
    .values({ providerId, name: input.name, access: input.access, secretHash: hash, createdBy: userId })
    .returning({ id: providerApiKeys.id });
  return { id: row!.id, key: `${PROVIDER_API_KEY_PREFIX}${secret}` };
}

/** Revokes one of the provider's keys at once; another provider's key (or none) is a 404. */
export async function revokeProviderApiKey(tx: Executor, scope: ProviderScope, keyId: string) {
  const { providerId } = assertScope(scope);
  const [key] = await tx
    .select({ name: providerApiKeys.name, revokedAt: providerApiKeys.revokedAt })
    .from(providerApiKeys)
    .where(and(eq(providerApiKeys.id, keyId), eq(providerApiKeys.providerId, providerId)))
    .for("update");
  if (!key) notFound();
  if (key.revokedAt) throw new ActionError(`${key.name} is already revoked.`);
  await tx.update(providerApiKeys).set({ revokedAt: new Date() }).where(eq(providerApiKeys.id, keyId));
  return { name: key.name };
}

/** A key that may make this call: who it acts as, and its calls in the current minute (this one included). */
export type ApiKeyCaller = ApiKeyClaims & { name: string; callsThisMinute: number };

const THIS_MINUTE = sql`date_trunc('minute', now())`;

/**
 * The provider key a request presents, if it is a live key of an enabled provider whose maker still has an account:
 * the same statement stamps its use and counts the call in its rate-limit minute (the row is locked while it does,
 * so instances never lose a count). Anything else (unknown, revoked, malformed, a disabled provider) answers null.
 */
export async function authenticateProviderApiKey(presented: string): Promise<ApiKeyCaller | null> {
  if (!presented.startsWith(PROVIDER_API_KEY_PREFIX) || presented.length > 200) return null;
  const db = await getDb();
  const [caller] = await db
    .update(providerApiKeys)
    .set({
      lastUsedAt: sql`now()`,
      // SET reads the row as it was: a new minute starts over at 1.
      rateCount: sql`case when ${providerApiKeys.rateWindow} = ${THIS_MINUTE} then ${providerApiKeys.rateCount} + 1 else 1 end`,
      rateWindow: THIS_MINUTE,
    })
    .where(
      and(
        eq(providerApiKeys.secretHash, secretHash(presented.slice(PROVIDER_API_KEY_PREFIX.length))),
        isNull(providerApiKeys.revokedAt),
        isNotNull(providerApiKeys.createdBy),
        sql`exists (select 1 from ${providers} owner
          where owner.id = ${qualified(providerApiKeys.providerId)} and owner.enabled)`,
      ),
    )
    .returning({
      apiKeyId: providerApiKeys.id,
      providerId: providerApiKeys.providerId,
      userId: providerApiKeys.createdBy,
      name: providerApiKeys.name,
      access: providerApiKeys.access,
      callsThisMinute: providerApiKeys.rateCount,
    });
  return caller?.userId ? { ...caller, userId: caller.userId } : null;
}

/** One call of the provider API in the provider's log: which key, which operation, and how it was answered. */
export async function recordProviderApiCall(
  scope: ProviderScope,
  call: { key: ApiKeyCaller; operation: string; status: number; origin: EventOrigin },
): Promise<void> {
  const { providerId, userId } = assertScope(scope);
  const db = await getDb();
  await insertEvent(db, {
    type: "provider_api_called",
    providerId,
    actingUserId: userId,
    details: { key: call.key.name, operation: call.operation, status: call.status },
    ...call.origin,
  });
}
