import { sql } from "drizzle-orm";
import { closeConnection, getDb, installConnection, openPostgres } from "@/db/client";
import { organizations, providerOrganizations } from "@/db/schema";
import { createOrganizationKeys, wrapSymmetricKey } from "@/lib/crypto";
import { deriveAccountKeys, insertAccounts, seedProvider } from "@/lib/seed/tenants";
import { insertBenchItems } from "./generate-vault";

/**
 * The server benchmark's data on a PostgreSQL server: one provider admin running three providers of 3, 200 and
 * 2,000 clients (50 members each, one in ten revoked: 100,000 members at the largest; 20 events each over the last
 * 30 days), and a member with a vault of
 * 10,000 encrypted logins. Keys and ciphertext are real (lib/crypto); the clients share one organization key pair,
 * which the pages measured here never open.
 */
export const PROVIDER_SIZES = [3, 200, 2000] as const;
const MEMBERS_PER_CLIENT = 50;
const EVENTS_PER_CLIENT = 20;
export const VAULT_ITEMS = 10_000;
const PASSWORD = "keyhouse benchmark password";

export type BenchAccount = { email: string; masterPasswordHash: string };
export type ServerBenchData = {
  admin: BenchAccount;
  vaultOwner: BenchAccount;
  /** Provider ids by number of clients. */
  providers: Map<number, string>;
  /** A client of the largest provider, for its Admin Console. */
  sampleClientId: string;
};

export async function seedServerBench(databaseUrl: string): Promise<ServerBenchData> {
  installConnection(openPostgres(databaseUrl));
  const db = await getDb();
  const people = [
    { email: "admin@bench-msp.example", name: "Bench Admin", password: PASSWORD },
    { email: "vault@bench-client.example", name: "Bench Vault", password: PASSWORD },
  ];
  const keys = await deriveAccountKeys(people);
  const accounts = await db.transaction((tx) => insertAccounts(tx, people, keys));
  const admin = accounts.get(people[0]!.email)!;
  const vaultOwner = accounts.get(people[1]!.email)!;
  const organizationKeys = await createOrganizationKeys();
  const providers = new Map<number, string>();
  let sampleClientId = "";
  for (const size of PROVIDER_SIZES) {
    const provider = await db.transaction((tx) =>
      seedProvider(tx, {
        name: `Bench MSP ${size}`,
        businessName: `Bench MSP ${size} Ltd`,
        billingEmail: `billing-${size}@bench-msp.example`,
        admin,
        serviceUsers: [],
        allocatedSeats: size * 60,
      }),
    );
    providers.set(size, provider.id);
    const clients = await db
      .insert(organizations)
      .values(
        Array.from({ length: size }, (_, index) => ({
          name: `Client ${String(index + 1).padStart(4, "0")}`,
          billingEmail: provider.billingEmail,
          planType: "enterprise_monthly" as const,
          seats: 60,
          status: "managed" as const,
          publicKey: organizationKeys.publicKey,
          privateKey: organizationKeys.privateKey,
        })),
      )
      .returning({ id: organizations.id });
    const key = await wrapSymmetricKey(organizationKeys.organizationKey, provider.key);
    await db
      .insert(providerOrganizations)
      .values(clients.map((client) => ({ providerId: provider.id, organizationId: client.id, key })));
    // 100 clients per statement: the seat trigger checks every row, and a statement has a time limit.
    for (let start = 0; start < clients.length; start += 100) {
      const batch = clients.slice(start, start + 100).map((client) => client.id);
      await db.execute(sql`insert into organization_users (organization_id, email, type, status)
        select client, 'member' || member || '.' || client || '@bench-client.example', 'user',
          (case when member % 10 = 0 then 'revoked' else 'invited' end)::organization_user_status
        from unnest(${`{${batch.join(",")}}`}::uuid[]) client cross join generate_series(1, ${MEMBERS_PER_CLIENT}) member`);
    }
    // A month of events in every client (what the rolled-up event log and the dashboard's security list read).
    for (let start = 0; start < clients.length; start += 100) {
      const batch = clients.slice(start, start + 100).map((client) => client.id);
      await db.execute(sql`insert into events (type, organization_id, occurred_at)
        select 'collection_updated', client, now() - random() * interval '30 days'
        from unnest(${`{${batch.join(",")}}`}::uuid[]) client cross join generate_series(1, ${EVENTS_PER_CLIENT})`);
    }
    sampleClientId = clients[0]!.id;
  }
  await insertBenchItems(db, vaultOwner.id, VAULT_ITEMS, vaultOwner.userKey);
  await db.execute(sql`analyze`);
  await closeConnection();
  const account = (seeded: typeof admin) => ({ email: seeded.email, masterPasswordHash: seeded.masterPasswordHash });
  return { admin: account(admin), vaultOwner: account(vaultOwner), providers, sampleClientId };
}
