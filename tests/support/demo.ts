import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  ciphers,
  collections,
  groups,
  organizations,
  organizationUsers,
  providers,
  providerUsers,
  users,
} from "@/db/schema";
import { seedDemo } from "@/lib/seed/demo";
import { databaseIsEmpty, testDatabaseOpened, replaceTestDatabase } from "./test-database";

export type DemoIds = {
  users: Record<"admin" | "tech" | "owner1" | "owner2" | "owner3" | "user1", string>;
  providerId: string;
  client1: string;
  client2: string;
  client3: string;
  internal: string;
  /** Membership rows some tests act on. */
  providerUsers: { admin: string; tech: string };
  organizationUsers: { user1: string };
  /** The encrypted items of "My Client's Organization", oldest first, and its default collection. */
  client1Items: string[];
  client1Collection: string;
  client1Group: string;
};

/**
 * Loads DESIGN §10's demo data into this test file's database and returns the ids tests need. An empty database is
 * replaced by a copy of the demo template (seeded once per run by the same seedDemo(), so the data is the same);
 * one that already holds rows gets the demo seeded into it.
 */
export async function loadDemo(): Promise<DemoIds> {
  if (!testDatabaseOpened() || (await databaseIsEmpty())) await replaceTestDatabase("demo");
  else await seedDemo();
  const db = await getDb();
  const userId = async (email: string) =>
    (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const orgId = async (name: string) =>
    (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)))[0]!.id;
  const [provider] = await db.select({ id: providers.id }).from(providers).where(eq(providers.name, "Demo MSP"));
  const client1 = await orgId("My Client's Organization");
  return {
    users: {
      admin: await userId("admin@demo-msp.example"),
      tech: await userId("tech@demo-msp.example"),
      owner1: await userId("owner@client1.example"),
      owner2: await userId("owner@client2.example"),
      owner3: await userId("owner@client3.example"),
      user1: await userId("user@client1.example"),
    },
    providerId: provider!.id,
    client1,
    client2: await orgId("Second Client's Organization"),
    client3: await orgId("Third Client's Organization"),
    internal: await orgId("Demo MSP Internal"),
    providerUsers: {
      admin: (
        await db
          .select({ id: providerUsers.id })
          .from(providerUsers)
          .where(eq(providerUsers.email, "admin@demo-msp.example"))
      )[0]!.id,
      tech: (
        await db
          .select({ id: providerUsers.id })
          .from(providerUsers)
          .where(eq(providerUsers.email, "tech@demo-msp.example"))
      )[0]!.id,
    },
    organizationUsers: {
      user1: (
        await db
          .select({ id: organizationUsers.id })
          .from(organizationUsers)
          .where(eq(organizationUsers.email, "user@client1.example"))
      )[0]!.id,
    },
    client1Items: (
      await db
        .select({ id: ciphers.id })
        .from(ciphers)
        .where(eq(ciphers.organizationId, client1))
        .orderBy(asc(ciphers.createdAt))
    ).map((row) => row.id),
    client1Collection: (
      await db.select({ id: collections.id }).from(collections).where(eq(collections.organizationId, client1))
    )[0]!.id,
    client1Group: (await db.select({ id: groups.id }).from(groups).where(eq(groups.organizationId, client1)))[0]!.id,
  };
}
