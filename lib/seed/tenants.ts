import "server-only";
import {
  ciphers,
  collectionCiphers,
  collectionGroups,
  collections,
  collectionUsers,
  groups,
  groupUsers,
  organizations,
  organizationUsers,
  providerOrganizations,
  providerPlans,
  providers,
  providerUsers,
  users,
} from "@/db/schema";
import type { Executor } from "@/db/client";
import {
  type AccountKeys,
  createAccountKeys,
  createOrganizationKeys,
  encryptString,
  SymmetricKey,
  wrapSymmetricKey,
  wrapSymmetricKeyForPublicKey,
} from "@/lib/crypto";
import { createAccount } from "@/lib/dal/accounts";
import { encryptCipher } from "@/lib/vault/cipher-crypto";
import type { CipherView } from "@/lib/vault/cipher-model";
import { eq, inArray } from "drizzle-orm";

/**
 * The building blocks of seeded data (the demo of DESIGN §10, and the end-to-end tests' own tenants), made with the
 * same lib/crypto the browser uses, so every key, wrapped key and collection name is real ciphertext that the accounts
 * can open with their master password.
 */

export type SeedPerson = { email: string; name: string; password: string };
export type SeededAccount = AccountKeys & { id: string; email: string };

/** Key derivation is the slow part: run it before opening the transaction that `insertAccounts` writes in. */
export function deriveAccountKeys(people: readonly SeedPerson[]): Promise<AccountKeys[]> {
  return Promise.all(people.map(({ email, password }) => createAccountKeys({ email, password })));
}

/** Creates the accounts, with verified addresses; answers them by address. */
export async function insertAccounts(
  tx: Executor,
  people: readonly SeedPerson[],
  keys: AccountKeys[],
): Promise<Map<string, SeededAccount>> {
  const accounts = new Map<string, SeededAccount>();
  for (const [index, person] of people.entries()) {
    const accountKeys = keys[index]!;
    const { id } = await createAccount(tx, { email: person.email, name: person.name, ...accountKeys });
    accounts.set(person.email, { ...accountKeys, id, email: person.email });
  }
  const ids = [...accounts.values()].map((account) => account.id);
  if (ids.length > 0) await tx.update(users).set({ emailVerified: true }).where(inArray(users.id, ids));
  return accounts;
}

export type SeededProvider = { id: string; key: SymmetricKey; billingEmail: string };

export type ProviderSeed = {
  name: string;
  businessName: string;
  billingEmail: string;
  admin: SeededAccount;
  serviceUsers: SeededAccount[];
  /** Seats allocated to its clients on the Enterprise plan. */
  allocatedSeats: number;
};

export async function seedProvider(tx: Executor, seed: ProviderSeed): Promise<SeededProvider> {
  const key = SymmetricKey.generate();
  const [provider] = await tx
    .insert(providers)
    .values({ name: seed.name, businessName: seed.businessName, billingEmail: seed.billingEmail, status: "billable" })
    .returning({ id: providers.id });
  const providerId = provider!.id;
  const members = [
    { account: seed.admin, type: "provider_admin" as const },
    ...seed.serviceUsers.map((account) => ({ account, type: "service_user" as const })),
  ];
  await tx.insert(providerUsers).values(
    await Promise.all(
      members.map(async ({ account, type }) => ({
        providerId,
        userId: account.id,
        email: account.email,
        type,
        status: "confirmed" as const,
        key: await wrapSymmetricKeyForPublicKey(key, account.publicKey),
      })),
    ),
  );
  await tx.insert(providerPlans).values([
    { providerId, planType: "teams_monthly", seatMinimum: 0 },
    { providerId, planType: "enterprise_monthly", seatMinimum: 10, allocatedSeats: seed.allocatedSeats },
  ]);
  return { id: providerId, key, billingEmail: seed.billingEmail };
}

/** Marks an organization as its provider's own: it is never offered or accepted as a client. */
export async function markInternalOrganization(tx: Executor, providerId: string, organizationId: string) {
  await tx.update(providers).set({ internalOrganizationId: organizationId }).where(eq(providers.id, providerId));
}

export type OrganizationSeed = {
  name: string;
  seats: number;
  owner: SeededAccount;
  users: SeededAccount[];
  provider: SeededProvider | null;
  items: CipherView[];
  /** A "Staff" group of the users with view access to the default collection (the demo's example of groups). */
  staffGroup: boolean;
};

/** An organization with its members confirmed and a "Default collection" they all reach directly. */
export async function seedOrganization(tx: Executor, seed: OrganizationSeed): Promise<string> {
  const { organizationKey, publicKey, privateKey } = await createOrganizationKeys();
  const [organization] = await tx
    .insert(organizations)
    .values({
      name: seed.name,
      billingEmail: seed.provider ? seed.provider.billingEmail : seed.owner.email,
      planType: "enterprise_monthly",
      seats: seed.seats,
      status: seed.provider ? "managed" : "created",
      publicKey,
      privateKey,
    })
    .returning({ id: organizations.id });
  const organizationId = organization!.id;
  if (seed.provider) {
    await tx.insert(providerOrganizations).values({
      providerId: seed.provider.id,
      organizationId,
      key: await wrapSymmetricKey(organizationKey, seed.provider.key),
    });
  }
  const members = [
    { account: seed.owner, type: "owner" as const },
    ...seed.users.map((account) => ({ account, type: "user" as const })),
  ];
  const memberRows = await tx
    .insert(organizationUsers)
    .values(
      await Promise.all(
        members.map(async ({ account, type }) => ({
          organizationId,
          userId: account.id,
          email: account.email,
          type,
          status: "confirmed" as const,
          key: await wrapSymmetricKeyForPublicKey(organizationKey, account.publicKey),
        })),
      ),
    )
    .returning({ id: organizationUsers.id, type: organizationUsers.type });
  const [collection] = await tx
    .insert(collections)
    .values({ organizationId, name: await encryptString("Default collection", organizationKey) })
    .returning({ id: collections.id });
  await tx.insert(collectionUsers).values(
    memberRows.map((member) => ({
      organizationId,
      collectionId: collection!.id,
      organizationUserId: member.id,
      manage: member.type === "owner",
    })),
  );
  const users = memberRows.filter((member) => member.type === "user");
  if (seed.staffGroup && users.length > 0) {
    const [group] = await tx.insert(groups).values({ organizationId, name: "Staff" }).returning({ id: groups.id });
    await tx
      .insert(groupUsers)
      .values(users.map((member) => ({ organizationId, groupId: group!.id, organizationUserId: member.id })));
    await tx
      .insert(collectionGroups)
      .values({ organizationId, collectionId: collection!.id, groupId: group!.id, readOnly: true });
  }
  for (const item of seed.items) {
    const { type, reprompt, data } = await encryptCipher(item, organizationKey);
    const [cipher] = await tx
      .insert(ciphers)
      .values({ organizationId, type, reprompt, data })
      .returning({ id: ciphers.id });
    await tx.insert(collectionCiphers).values({ organizationId, collectionId: collection!.id, cipherId: cipher!.id });
  }
  return organizationId;
}
