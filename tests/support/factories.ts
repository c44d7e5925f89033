import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  collectionCiphers,
  type CustomPermissions,
  organizations,
  organizationUsers,
  providerOrganizations,
  providers,
  providerUsers,
} from "@/db/schema";
import {
  type AccountKeys,
  createAccountKeys,
  type KdfConfig,
  MIN_KDF_ITERATIONS,
  pbkdf2Kdf,
  SymmetricKey,
  wrapSymmetricKeyForPublicKey,
} from "@/lib/crypto";
import { createAccount } from "@/lib/dal/accounts";
import { createInvitation } from "@/lib/dal/invitations";
import type { OrganizationMemberStatus, OrganizationRole } from "@/lib/enums";
import { FAKE_ENC_2, FAKE_ENC_4, FAKE_PUBLIC_KEY } from "./fakes";

export type TestUser = { id: string; email: string; name: string; password: string; keys: AccountKeys };

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.example`;
}

/**
 * A real account (real key hierarchy), at the lowest allowed PBKDF2 cost to keep tests quick (or with `kdfConfig`,
 * e.g. the smallest Argon2id settings). Its address is verified,
 * as every account made today is (registration follows a mailed link); `emailVerified: false` makes one of the
 * accounts made before verification existed.
 */
export async function createTestUser(
  overrides: { email?: string; name?: string; password?: string; emailVerified?: boolean; kdfConfig?: KdfConfig } = {},
): Promise<TestUser> {
  const email = overrides.email ?? uniqueEmail();
  const name = overrides.name ?? "Test User";
  const password = overrides.password ?? `pw-${randomUUID()}`;
  const kdfConfig = overrides.kdfConfig ?? pbkdf2Kdf(MIN_KDF_ITERATIONS);
  const keys = await createAccountKeys({ email, password, kdfConfig });
  const db = await getDb();
  const emailVerified = overrides.emailVerified ?? true;
  const { id } = await db.transaction((tx) => createAccount(tx, { email, name, ...keys, emailVerified }));
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
    const [provider] = await tx
      .insert(providers)
      .values({ name, status: "created", billingEmail: admin.email })
      .returning({ id: providers.id });
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

/** An organization of its own for a test (placeholder keys, never opened), with one confirmed owner. */
export async function createTestOrganization(name: string, owner: TestUser, seats = 10): Promise<string> {
  const db = await getDb();
  const [organization] = await db
    .insert(organizations)
    .values({
      name,
      billingEmail: owner.email,
      planType: "enterprise_monthly",
      seats,
      publicKey: FAKE_PUBLIC_KEY,
      privateKey: FAKE_ENC_2,
    })
    .returning({ id: organizations.id });
  await addTestMember(organization!.id, owner, "owner");
  return organization!.id;
}

/** A new Teams organization the provider manages, linked straight in the database (placeholder key). */
export async function createTestClient(providerId: string, name: string, seats: number): Promise<string> {
  const organizationId = await createTestOrganization(name, await createTestUser(), seats);
  const db = await getDb();
  await db.insert(providerOrganizations).values({ providerId, organizationId, key: FAKE_ENC_2 });
  await db
    .update(organizations)
    .set({ planType: "teams_monthly", status: "managed" })
    .where(eq(organizations.id, organizationId));
  return organizationId;
}

/** A membership row straight in the database: a confirmed one holds a (placeholder) organization key. */
export async function addTestMember(
  organizationId: string,
  user: TestUser,
  type: OrganizationRole,
  status: OrganizationMemberStatus = "confirmed",
  permissions: Partial<CustomPermissions> | null = null,
): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(organizationUsers)
    .values({
      organizationId,
      userId: status === "invited" ? null : user.id,
      email: user.email,
      type,
      status,
      permissions: permissions as CustomPermissions | null,
      key: status === "confirmed" ? FAKE_ENC_4 : null,
    })
    .returning({ id: organizationUsers.id });
  return row!.id;
}

/** An invitation as the members page makes it: an invited row and a mailed token (returned). */
export async function inviteTestMember(
  organizationId: string,
  email: string,
  type: OrganizationRole = "user",
): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organizationUsers)
      .values({ organizationId, email, type, status: "invited" })
      .returning({ id: organizationUsers.id });
    return (await createInvitation(tx, email, { kind: "organization_user", organizationUserId: row!.id })).token;
  });
}

/** The ids of the collections an item is in, sorted. */
export async function collectionsOf(cipherId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: collectionCiphers.collectionId })
    .from(collectionCiphers)
    .where(eq(collectionCiphers.cipherId, cipherId));
  return rows.map((row) => row.id).sort();
}
