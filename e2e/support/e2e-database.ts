/**
 * The e2e server's database (PGlite admits one process, so nothing can write to it while the server runs, and it is
 * written before the server starts: e2e/support/seed-before-start.ts): the demo data, as the server would seed it; one
 * account from before registration verified addresses (LEGACY_OPERATOR), which no page can make any more; the CLI
 * tests' tenants (CLI_ORGANIZATION, CLI_PROVIDER); the people of e2e/support/seeded-people.ts; and the service users
 * of Demo MSP that one spec each changes (e2e/support/demo-msp-technicians.ts); the client the move spec moves from
 * Demo MSP to a provider of its own (e2e/support/client-move-tenants.ts); the providers and clients the policy baseline
 * and the dashboard's confirmation specs change (e2e/support/baseline-tenants.ts); the technician-scope spec's provider
 * (e2e/support/scope-tenants.ts).
 */
import { and, eq } from "drizzle-orm";
import { closeConnection, connection, getDb } from "@/db/client";
import { clientUsageDays, organizationUsers, providers, providerUsers, users } from "@/db/schema";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import {
  deriveAccountKeys,
  insertAccounts,
  type SeededProvider,
  seedOrganization,
  type SeedPerson,
  seedProvider,
} from "@/lib/seed/tenants";
import {
  createAccountKeys,
  deriveMasterKey,
  unlockUserKey,
  unwrapPrivateKey,
  unwrapSymmetricKeyWithPrivateKey,
  wrapSymmetricKeyForPublicKey,
} from "@/lib/crypto";
import { demoPassword } from "@/lib/seed/demo-accounts";
import { createAccount } from "@/lib/dal/accounts";
import { CLI_ORGANIZATION, CLI_PROVIDER } from "./cli-tenants";
import { OPERATOR, OTHER_PROVIDER, OWN_ACCOUNTS, THROTTLED, UNRELATED } from "./seeded-people";
import { LEGACY_OPERATOR } from "./legacy-account";
import { DEMO_MSP_TECHNICIANS } from "./demo-msp-technicians";
import { MOVE } from "./client-move-tenants";
import { BASELINE, CONFIRM } from "./baseline-tenants";
import { SCOPE, SCOPE_CLIENTS } from "./scope-tenants";

async function seedCliTenants() {
  const people = [CLI_ORGANIZATION.owner, CLI_ORGANIZATION.member, CLI_PROVIDER.admin, CLI_PROVIDER.client.owner];
  const keys = await deriveAccountKeys(people);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const accounts = await insertAccounts(tx, people, keys);
    const get = (person: { email: string }) => accounts.get(person.email)!;
    await seedOrganization(tx, {
      name: CLI_ORGANIZATION.name,
      seats: 3,
      owner: get(CLI_ORGANIZATION.owner),
      users: [get(CLI_ORGANIZATION.member)],
      provider: null,
      items: [],
      staffGroup: false,
    });
    const provider = await seedProvider(tx, {
      name: CLI_PROVIDER.name,
      businessName: `${CLI_PROVIDER.name} LLC`,
      billingEmail: "billing@cli-msp.example",
      admin: get(CLI_PROVIDER.admin),
      serviceUsers: [],
      allocatedSeats: 5,
    });
    await seedOrganization(tx, {
      name: CLI_PROVIDER.client.name,
      seats: 5,
      owner: get(CLI_PROVIDER.client.owner),
      users: [],
      provider,
      items: [],
      staffGroup: false,
    });
  });
}

async function seedPeople() {
  const people = [UNRELATED, OPERATOR, OTHER_PROVIDER.admin, THROTTLED, ...Object.values(OWN_ACCOUNTS)];
  const keys = await deriveAccountKeys(people);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const accounts = await insertAccounts(tx, people, keys);
    await seedProvider(tx, {
      name: OTHER_PROVIDER.name,
      businessName: `${OTHER_PROVIDER.name} LLC`,
      billingEmail: "billing@other-msp.example",
      admin: accounts.get(OTHER_PROVIDER.admin.email)!,
      serviceUsers: [],
      allocatedSeats: 0,
    });
  });
}

/** Demo MSP as a seed can use it: the demo admin's browser holds its key, so this unwraps it the same way. */
async function demoMsp(): Promise<SeededProvider> {
  const db = await getDb();
  const [admin] = await db
    .select({ user: users, provider: providers, providerKey: providerUsers.key })
    .from(users)
    .innerJoin(providerUsers, eq(providerUsers.userId, users.id))
    .innerJoin(providers, and(eq(providers.id, providerUsers.providerId), eq(providers.name, "Demo MSP")))
    .where(eq(users.email, "admin@demo-msp.example"));
  const { user, provider, providerKey } = admin!;
  const masterKey = await deriveMasterKey(demoPassword(), user.email, {
    kdf: user.kdfType,
    kdfIterations: user.kdfIterations,
    kdfMemory: user.kdfMemory,
    kdfParallelism: user.kdfParallelism,
  });
  const privateKey = await unwrapPrivateKey(
    user.privateKey,
    await unlockUserKey({ masterKey, protectedUserKey: user.key }),
  );
  return {
    id: provider.id,
    key: await unwrapSymmetricKeyWithPrivateKey(providerKey!, privateKey),
    billingEmail: provider.billingEmail!,
  };
}

/** More service users of Demo MSP, holding its key as a confirmation would give it. */
async function seedDemoMspTechnicians(msp: SeededProvider) {
  const people = [...DEMO_MSP_TECHNICIANS];
  const keys = await deriveAccountKeys(people);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const accounts = await insertAccounts(tx, people, keys);
    for (const account of accounts.values())
      await tx.insert(providerUsers).values({
        providerId: msp.id,
        userId: account.id,
        email: account.email,
        type: "service_user",
        status: "confirmed",
        key: await wrapSymmetricKeyForPublicKey(msp.key, account.publicKey),
      });
  });
}

/** The move spec's client of Demo MSP and the provider it moves to. */
async function seedMovingClient(msp: SeededProvider) {
  const people = [MOVE.client.owner, MOVE.provider.admin, MOVE.provider.technician];
  const keys = await deriveAccountKeys(people);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const accounts = await insertAccounts(tx, people, keys);
    await seedOrganization(tx, {
      name: MOVE.client.name,
      seats: MOVE.client.seats,
      owner: accounts.get(MOVE.client.owner.email)!,
      users: [],
      provider: msp,
      items: [],
      staffGroup: false,
    });
    await seedProvider(tx, {
      name: MOVE.provider.name,
      businessName: `${MOVE.provider.name} LLC`,
      billingEmail: MOVE.provider.billingEmail,
      admin: accounts.get(MOVE.provider.admin.email)!,
      serviceUsers: [accounts.get(MOVE.provider.technician.email)!],
      allocatedSeats: 0,
    });
  });
}

/**
 * A provider with its admin and service users, and its clients (5 seats, no items), each with its owner (one person
 * may own several).
 */
async function seedProviderWithClients(seed: {
  provider: { name: string; billingEmail: string; admin: SeedPerson };
  serviceUsers: SeedPerson[];
  clients: { name: string; owner: SeedPerson }[];
  allocatedSeats: number;
}) {
  const everyone = [seed.provider.admin, ...seed.serviceUsers, ...seed.clients.map((client) => client.owner)];
  const people = [...new Map(everyone.map((person) => [person.email, person])).values()];
  const keys = await deriveAccountKeys(people);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const accounts = await insertAccounts(tx, people, keys);
    const account = (person: SeedPerson) => accounts.get(person.email)!;
    const provider = await seedProvider(tx, {
      name: seed.provider.name,
      businessName: `${seed.provider.name} LLC`,
      billingEmail: seed.provider.billingEmail,
      admin: account(seed.provider.admin),
      serviceUsers: seed.serviceUsers.map(account),
      allocatedSeats: seed.allocatedSeats,
    });
    for (const client of seed.clients)
      await seedOrganization(tx, {
        name: client.name,
        seats: 5,
        owner: account(client.owner),
        users: [],
        provider,
        items: [],
        staffGroup: false,
      });
  });
}

/** The policy baseline spec's provider and its clients, each with an owner. */
function seedBaselineTenants() {
  return seedProviderWithClients({
    provider: BASELINE.provider,
    serviceUsers: [],
    clients: BASELINE.clients,
    allocatedSeats: 15,
  });
}

/** The technician-scope spec's provider: an admin, a service user and four clients with one owner. */
function seedScopeTenants() {
  return seedProviderWithClients({
    provider: SCOPE.provider,
    serviceUsers: [SCOPE.technician],
    clients: SCOPE_CLIENTS.map((name) => ({ name, owner: SCOPE.owner })),
    allocatedSeats: 20,
  });
}

/** The provider whose dashboard confirms a member: its client's member is put back to "accepted", without a key. */
async function seedMemberToConfirm() {
  const people = [CONFIRM.provider.admin, CONFIRM.client.owner, CONFIRM.client.member];
  const keys = await deriveAccountKeys(people);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const accounts = await insertAccounts(tx, people, keys);
    const provider = await seedProvider(tx, {
      name: CONFIRM.provider.name,
      businessName: `${CONFIRM.provider.name} LLC`,
      billingEmail: CONFIRM.provider.billingEmail,
      admin: accounts.get(CONFIRM.provider.admin.email)!,
      serviceUsers: [],
      allocatedSeats: 5,
    });
    const member = accounts.get(CONFIRM.client.member.email)!;
    const organizationId = await seedOrganization(tx, {
      name: CONFIRM.client.name,
      seats: 5,
      owner: accounts.get(CONFIRM.client.owner.email)!,
      users: [member],
      provider,
      items: [],
      staffGroup: false,
    });
    // A month of the usage ledger before today (the server records today at start): the dashboard draws it.
    await tx.insert(clientUsageDays).values(
      Array.from({ length: 30 }, (_, index) => ({
        providerId: provider.id,
        organizationId,
        clientName: CONFIRM.client.name,
        day: new Date(Date.now() - (30 - index) * 86_400_000).toISOString().slice(0, 10),
        seatsAssigned: index < 15 ? 3 : 5,
        seatsUsed: 2,
      })),
    );
    await tx
      .update(organizationUsers)
      .set({ status: "accepted", key: null })
      .where(and(eq(organizationUsers.organizationId, organizationId), eq(organizationUsers.userId, member.id)));
  });
}

export async function seedE2eDatabase(): Promise<void> {
  try {
    await connection();
    await seedDemoIfEmpty();
    const { email, name, password } = LEGACY_OPERATOR;
    const keys = await createAccountKeys({ email, password });
    const db = await getDb();
    await db.transaction((tx) => createAccount(tx, { email, name, ...keys, emailVerified: false }));
    await seedCliTenants();
    await seedPeople();
    const msp = await demoMsp();
    await seedDemoMspTechnicians(msp);
    await seedMovingClient(msp);
    await seedBaselineTenants();
    await seedScopeTenants();
    await seedMemberToConfirm();
  } finally {
    await closeConnection().catch(() => {});
  }
}
