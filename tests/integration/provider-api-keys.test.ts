import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createProviderApiKeyAction,
  revokeProviderApiKeyAction,
} from "@/app/(portal)/providers/[providerId]/api-keys/actions";
import { getDb } from "@/db/client";
import { events, providerApiKeys, providers } from "@/db/schema";
import { requireProviderScope } from "@/lib/authz/scope";
import { authenticateProviderApiKey, listProviderApiKeys } from "@/lib/dal/provider-api-keys";
import { databaseSnapshot } from "../support/db-scan";
import { createTestProvider, createTestUser, type TestUser } from "../support/factories";
import { signInAs } from "../support/session";

/** Issue 16 part 5, first step: a provider's API keys, shown once, kept hashed, revocable, stamped when used. */

describe("provider API keys", () => {
  let admin: TestUser;
  let providerId: string;
  let otherProviderId: string;

  async function createKey(access: "read" | "write", name = `Key ${access}`) {
    await signInAs(admin.id);
    const result = await createProviderApiKeyAction({ providerId, name, access });
    if (!result.ok) throw new Error(result.error);
    return result.key;
  }

  beforeAll(async () => {
    admin = await createTestUser({ name: "Key Admin" });
    providerId = (await createTestProvider(admin, "Key MSP")).id;
    otherProviderId = (await createTestProvider(await createTestUser(), "Elsewhere Keys")).id;
  });

  it("shows a key once, keeps only its hash, and knows the provider and access of whoever presents it", async () => {
    const key = await createKey("read", "PSA sync");
    expect(key).toMatch(/^khp_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await databaseSnapshot())).not.toContain(key.slice(4));

    const caller = await authenticateProviderApiKey(key);
    expect(caller).toMatchObject({ providerId, name: "PSA sync", access: "read" });
    const db = await getDb();
    const [stored] = await db.select().from(providerApiKeys).where(eq(providerApiKeys.id, caller!.apiKeyId));
    expect(stored!.lastUsedAt).not.toBeNull();
    expect(stored!.createdBy).toBe(admin.id);
    const [event] = await db.select().from(events).where(eq(events.type, "provider_api_key_created"));
    expect(event).toMatchObject({ providerId, actingUserId: admin.id, details: { name: "PSA sync", access: "read" } });
  });

  it("refuses a malformed, unknown or altered key", async () => {
    const key = await createKey("write");
    for (const presented of ["", "khp_", key.slice(4), `${key}x`, `khp_${"A".repeat(43)}`, `${key.slice(0, -1)}A`]) {
      if (presented === key) continue;
      expect(await authenticateProviderApiKey(presented)).toBeNull();
    }
    expect(await authenticateProviderApiKey(key)).toMatchObject({ access: "write" });
  });

  it("refuses a revoked key at once, and a key of a disabled provider", async () => {
    const key = await createKey("write", "RMM");
    const { apiKeyId: keyId } = (await authenticateProviderApiKey(key))!;
    expect(await revokeProviderApiKeyAction({ providerId, keyId })).toMatchObject({ ok: true, name: "RMM" });
    expect(await authenticateProviderApiKey(key)).toBeNull();
    expect(await revokeProviderApiKeyAction({ providerId, keyId })).toMatchObject({
      ok: false,
      error: "RMM is already revoked.",
    });

    const live = await createKey("read", "Still live");
    const db = await getDb();
    await db.update(providers).set({ enabled: false }).where(eq(providers.id, providerId));
    expect(await authenticateProviderApiKey(live)).toBeNull();
    await db.update(providers).set({ enabled: true }).where(eq(providers.id, providerId));
    expect(await authenticateProviderApiKey(live)).not.toBeNull();
  });

  it("answers 404 for a key of another provider, and lists the provider's keys with their use", async () => {
    const key = await createKey("read", "Listed");
    const { apiKeyId: keyId } = (await authenticateProviderApiKey(key))!;
    await signInAs(admin.id);
    expect(await revokeProviderApiKeyAction({ providerId: otherProviderId, keyId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const listed = await listProviderApiKeys(await requireProviderScope(providerId, "provider.api_keys.manage"));
    expect(listed[0]!.name).toBe("Listed");
    expect(listed.map((row) => row.name).sort()).toEqual(["Key write", "Listed", "PSA sync", "RMM", "Still live"]);
    expect(listed.find((row) => row.name === "RMM")!.revokedAt).not.toBeNull();
    expect(listed.find((row) => row.name === "Listed")).toMatchObject({ createdBy: admin.email, revokedAt: null });
  });
});
