/**
 * The e2e server's database (PGlite admits one process, so nothing can write to it while the server runs, and it is
 * written before the server starts: e2e/support/seed-before-start.ts): the demo data, as the server would seed it; one
 * account from before registration verified addresses (LEGACY_OPERATOR), which no page can make any more; the CLI
 * tests' tenants (CLI_ORGANIZATION, CLI_PROVIDER); the people of e2e/support/seeded-people.ts; and the service users
 * of Demo MSP that one spec each changes (e2e/support/demo-msp-technicians.ts).
 */
import { and, eq } from "drizzle-orm";
import { closeConnection, connection, getDb } from "@/db/client";
import { providers, providerUsers, users } from "@/db/schema";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import { deriveAccountKeys, insertAccounts, seedOrganization, seedProvider } from "@/lib/seed/tenants";
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

/** More service users of Demo MSP: the demo admin's browser would hand them the provider key, so this does. */
async function seedDemoMspTechnicians() {
  const people = [...DEMO_MSP_TECHNICIANS];
  const keys = await deriveAccountKeys(people);
  const db = await getDb();
  const [admin] = await db
    .select({ user: users, providerId: providerUsers.providerId, providerKey: providerUsers.key })
    .from(users)
    .innerJoin(providerUsers, eq(providerUsers.userId, users.id))
    .innerJoin(providers, and(eq(providers.id, providerUsers.providerId), eq(providers.name, "Demo MSP")))
    .where(eq(users.email, "admin@demo-msp.example"));
  const { user, providerId, providerKey } = admin!;
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
  const key = await unwrapSymmetricKeyWithPrivateKey(providerKey!, privateKey);
  await db.transaction(async (tx) => {
    const accounts = await insertAccounts(tx, people, keys);
    for (const account of accounts.values())
      await tx.insert(providerUsers).values({
        providerId,
        userId: account.id,
        email: account.email,
        type: "service_user",
        status: "confirmed",
        key: await wrapSymmetricKeyForPublicKey(key, account.publicKey),
      });
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
    await seedDemoMspTechnicians();
  } finally {
    await closeConnection().catch(() => {});
  }
}
