import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { type Executor, getDb } from "@/db/client";
import { providerApiKeys, providers, users } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type ProviderScope } from "@/lib/authz/scope-brand";
import type { ProviderApiAccess } from "@/lib/enums";
import { newSecret, secretHash } from "@/lib/server/secret-token";
import type { CreateProviderApiKeyInput } from "@/lib/validation/provider-api-keys";
import { qualified } from "./client-reach";

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

export type ApiKeyCaller = { keyId: string; providerId: string; name: string; access: ProviderApiAccess };

/**
 * The provider key a request presents, if it is a live key of an enabled provider: its use is stamped in the same
 * statement. Anything else (unknown, revoked, malformed, a disabled provider) answers null.
 */
export async function authenticateProviderApiKey(presented: string): Promise<ApiKeyCaller | null> {
  if (!presented.startsWith(PROVIDER_API_KEY_PREFIX) || presented.length > 200) return null;
  const db = await getDb();
  const [caller] = await db
    .update(providerApiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(providerApiKeys.secretHash, secretHash(presented.slice(PROVIDER_API_KEY_PREFIX.length))),
        isNull(providerApiKeys.revokedAt),
        sql`exists (select 1 from ${providers} owner
          where owner.id = ${qualified(providerApiKeys.providerId)} and owner.enabled)`,
      ),
    )
    .returning({
      keyId: providerApiKeys.id,
      providerId: providerApiKeys.providerId,
      name: providerApiKeys.name,
      access: providerApiKeys.access,
    });
  return caller ?? null;
}
