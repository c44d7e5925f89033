import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organizationUsers, providerOrganizations, providerUsers, users } from "@/db/schema";
import {
  createOrganizationKeys,
  deriveMasterKey,
  encryptString,
  SymmetricKey,
  unlockUserKey,
  unwrapPrivateKey,
  unwrapSymmetricKey,
  unwrapSymmetricKeyWithPrivateKey,
  wrapSymmetricKey,
} from "@/lib/crypto";
import type { CreateClientInput } from "@/lib/validation/clients";

/** What a browser holds after unlocking: the user key and the private key, derived from the master password. */
export async function unlockAs(
  email: string,
  password: string,
): Promise<{ userId: string; userKey: SymmetricKey; privateKey: Uint8Array; publicKey: string }> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  const masterKey = await deriveMasterKey(password, email, {
    kdf: user.kdfType,
    kdfIterations: user.kdfIterations,
    kdfMemory: user.kdfMemory,
    kdfParallelism: user.kdfParallelism,
  });
  const userKey = await unlockUserKey({ masterKey, protectedUserKey: user.key });
  return {
    userId: user.id,
    userKey,
    privateKey: await unwrapPrivateKey(user.privateKey, userKey),
    publicKey: user.publicKey,
  };
}

/** The provider key as a confirmed member's browser unwraps it. */
export async function providerKeyOf(
  member: { userId: string; privateKey: Uint8Array },
  providerId: string,
): Promise<SymmetricKey> {
  const db = await getDb();
  const [row] = await db
    .select({ key: providerUsers.key })
    .from(providerUsers)
    .where(and(eq(providerUsers.providerId, providerId), eq(providerUsers.userId, member.userId)));
  if (!row?.key) throw new Error("not a confirmed provider member");
  return unwrapSymmetricKeyWithPrivateKey(row.key, member.privateKey);
}

/** A client's organization key through the provider (provider key → provider_organizations.key). */
export async function clientKeyOf(providerKey: SymmetricKey, organizationId: string): Promise<SymmetricKey> {
  const db = await getDb();
  const [row] = await db
    .select({ key: providerOrganizations.key })
    .from(providerOrganizations)
    .where(eq(providerOrganizations.organizationId, organizationId));
  if (!row) throw new Error("not a client");
  return unwrapSymmetricKey(row.key, providerKey);
}

/** An organization key as a confirmed member's browser unwraps it. */
export async function memberOrganizationKey(
  member: { userId: string; privateKey: Uint8Array },
  organizationId: string,
): Promise<SymmetricKey> {
  const db = await getDb();
  const [row] = await db
    .select({ key: organizationUsers.key })
    .from(organizationUsers)
    .where(and(eq(organizationUsers.organizationId, organizationId), eq(organizationUsers.userId, member.userId)));
  if (!row?.key) throw new Error("not a confirmed member");
  return unwrapSymmetricKeyWithPrivateKey(row.key, member.privateKey);
}

/** What the "New client" dialog sends, prepared the way the browser prepares it. */
export async function newClientInput(
  providerId: string,
  providerKey: SymmetricKey,
  overrides: Partial<Pick<CreateClientInput, "name" | "ownerEmail" | "planType" | "seats">> = {},
): Promise<CreateClientInput & { organizationKey: SymmetricKey }> {
  const { organizationKey, publicKey, privateKey } = await createOrganizationKeys();
  return {
    providerId,
    name: overrides.name ?? "New Client Org",
    ownerEmail: overrides.ownerEmail ?? `owner-${crypto.randomUUID().slice(0, 8)}@client.example`,
    planType: overrides.planType ?? "enterprise_monthly",
    seats: overrides.seats ?? 3,
    publicKey,
    privateKey,
    collectionName: await encryptString("Default collection", organizationKey),
    key: await wrapSymmetricKey(organizationKey, providerKey),
    organizationKey,
  };
}
