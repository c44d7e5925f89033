import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { providers, providerUsers } from "@/db/schema";
import { type AccountKeys, createAccountKeys, MIN_KDF_ITERATIONS, SymmetricKey, wrapSymmetricKeyForPublicKey } from "@/lib/crypto";
import { createAccount } from "@/lib/dal/accounts";

export type TestUser = { id: string; email: string; name: string; password: string; keys: AccountKeys };

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.example`;
}

/** A real account (real key hierarchy), at the lowest allowed KDF cost to keep tests quick. */
export async function createTestUser(overrides: { email?: string; name?: string; password?: string } = {}): Promise<TestUser> {
  const email = overrides.email ?? uniqueEmail();
  const name = overrides.name ?? "Test User";
  const password = overrides.password ?? `pw-${randomUUID()}`;
  const keys = await createAccountKeys({ email, password, iterations: MIN_KDF_ITERATIONS });
  const db = await getDb();
  const { id } = await db.transaction((tx) => createAccount(tx, { email, name, ...keys }));
  return { id, email, name, password, keys };
}

/** A second, unrelated provider with one confirmed admin: the "other tenant" of isolation tests. */
export async function createTestProvider(
  admin: { id: string; email: string; keys: { publicKey: string } },
  name = "Other MSP",
): Promise<{ id: string; key: SymmetricKey }> {
  const key = SymmetricKey.generate();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [provider] = await tx.insert(providers).values({ name, status: "created", billingEmail: admin.email }).returning({ id: providers.id });
    await tx.insert(providerUsers).values({
      providerId: provider!.id,
      userId: admin.id,
      email: admin.email,
      type: "provider_admin",
      status: "confirmed",
      key: await wrapSymmetricKeyForPublicKey(key, admin.keys.publicKey),
    });
    return { id: provider!.id, key };
  });
}
