import "server-only";
import { count, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
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
import { type CipherView, newCipher } from "@/lib/vault/cipher-model";
import { DEMO_ACCOUNTS, type DemoEmail, demoPassword } from "./demo-accounts";

export { DEMO_ACCOUNTS, demoPassword };

/**
 * The demo data of DESIGN §10, made with the same lib/crypto the browser uses, so every key, wrapped key and
 * collection name is real ciphertext that the demo accounts can open with their master password.
 * The memberships are fixed so the Provider Portal's seat figures stay true: 3/2/1, 3/1/2 and 2/1/1.
 */

type Account = AccountKeys & { id: string; email: string };

const PROVIDER_BILLING_EMAIL = "billing@demo-msp.example";

const CLIENTS = [
  {
    name: "My Client's Organization",
    seats: 3,
    owner: "owner@client1.example",
    users: ["user@client1.example"],
    items: "client",
  },
  { name: "Second Client's Organization", seats: 3, owner: "owner@client2.example", users: [], items: "client" },
  { name: "Third Client's Organization", seats: 2, owner: "owner@client3.example", users: [], items: "client" },
] as const satisfies readonly {
  name: string;
  seats: number;
  owner: DemoEmail;
  users: readonly DemoEmail[];
  items: keyof typeof DEMO_ITEMS;
}[];

/** A few items per organization, so the demo's vaults, reports and exports have something to show. */
const DEMO_ITEMS = {
  client: [
    login("Client portal", "it@client.example", "Winter2026!", "https://portal.client.example"),
    login("Office router", "admin", "Winter2026!", "http://192.168.1.1"),
    login("Accounting software", "finance@client.example", "q7#Lm2$Vx9!pRt4z", "https://accounting.example"),
    note("Office Wi-Fi", "Network: ClientOffice\nPassphrase: correct-horse-battery"),
  ],
  internal: [
    login("RMM console", "dana@demo-msp.example", "Rmm-Console-2026-long-passphrase", "https://rmm.demo-msp.example"),
  ],
} satisfies Record<string, CipherView[]>;

function login(name: string, username: string, password: string, uri: string): CipherView {
  const item = newCipher("login", name);
  item.login = { ...item.login!, username, password, uris: [{ uri, match: null }] };
  return item;
}

function note(name: string, text: string): CipherView {
  const item = newCipher("secure_note", name);
  item.notes = text;
  return item;
}

/** Seeds only a database without any account; returns whether it did. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const db = await getDb();
  const [existing] = await db.select({ value: count() }).from(users);
  if ((existing?.value ?? 0) > 0) return false;
  await seedDemo();
  return true;
}

export async function seedDemo(): Promise<void> {
  const password = demoPassword();
  // Key derivation is the slow part: do it before opening the transaction.
  const keys = await Promise.all(DEMO_ACCOUNTS.map((account) => createAccountKeys({ email: account.email, password })));
  const db = await getDb();
  await db.transaction(async (tx) => {
    const accounts = new Map<DemoEmail, Account>();
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      const accountKeys = keys[index]!;
      const { id } = await createAccount(tx, { email: account.email, name: account.name, ...accountKeys });
      accounts.set(account.email, { ...accountKeys, id, email: account.email });
    }
    await tx.update(users).set({ emailVerified: true });
    const get = (email: DemoEmail) => accounts.get(email)!;
    const providerKey = await seedProvider(tx, get("admin@demo-msp.example"), get("tech@demo-msp.example"));
    for (const client of CLIENTS) {
      await seedOrganization(tx, {
        name: client.name,
        seats: client.seats,
        owner: get(client.owner),
        users: client.users.map(get),
        provider: providerKey,
        items: DEMO_ITEMS[client.items],
      });
    }
    const internalOrganizationId = await seedOrganization(tx, {
      name: "Demo MSP Internal",
      seats: 10,
      owner: get("admin@demo-msp.example"),
      users: [get("tech@demo-msp.example")],
      provider: null,
      items: DEMO_ITEMS.internal,
    });
    // The MSP's own vault is marked internal: it is never offered or accepted as a client.
    await tx.update(providers).set({ internalOrganizationId }).where(eq(providers.id, providerKey.id));
  });
}

type SeededProvider = { id: string; key: SymmetricKey };

async function seedProvider(tx: Executor, admin: Account, tech: Account): Promise<SeededProvider> {
  const key = SymmetricKey.generate();
  const [provider] = await tx
    .insert(providers)
    .values({
      name: "Demo MSP",
      businessName: "Demo MSP LLC",
      billingEmail: PROVIDER_BILLING_EMAIL,
      status: "billable",
    })
    .returning({ id: providers.id });
  const providerId = provider!.id;
  await tx.insert(providerUsers).values([
    {
      providerId,
      userId: admin.id,
      email: "admin@demo-msp.example",
      type: "provider_admin",
      status: "confirmed",
      key: await wrapSymmetricKeyForPublicKey(key, admin.publicKey),
    },
    {
      providerId,
      userId: tech.id,
      email: "tech@demo-msp.example",
      type: "service_user",
      status: "confirmed",
      key: await wrapSymmetricKeyForPublicKey(key, tech.publicKey),
    },
  ]);
  const allocated = CLIENTS.reduce((sum, client) => sum + client.seats, 0);
  await tx.insert(providerPlans).values([
    { providerId, planType: "teams_monthly", seatMinimum: 0 },
    { providerId, planType: "enterprise_monthly", seatMinimum: 10, allocatedSeats: allocated },
  ]);
  return { id: providerId, key };
}

type OrganizationSeed = {
  name: string;
  seats: number;
  owner: Account;
  users: Account[];
  provider: SeededProvider | null;
  items: CipherView[];
};

async function seedOrganization(tx: Executor, seed: OrganizationSeed): Promise<string> {
  const { organizationKey, publicKey, privateKey } = await createOrganizationKeys();
  const [organization] = await tx
    .insert(organizations)
    .values({
      name: seed.name,
      billingEmail: seed.provider ? PROVIDER_BILLING_EMAIL : seed.owner.email,
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
  // A group of the organization's users with view access to the default collection, so groups have an example.
  const users = memberRows.filter((member) => member.type === "user");
  if (users.length > 0) {
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
