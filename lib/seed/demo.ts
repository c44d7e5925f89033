import "server-only";
import { count } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { type CipherView, newCipher } from "@/lib/vault/cipher-model";
import { DEMO_ACCOUNTS, type DemoEmail, demoPassword } from "./demo-accounts";
import { deriveAccountKeys, insertAccounts, markInternalOrganization, seedOrganization, seedProvider } from "./tenants";

export { DEMO_ACCOUNTS, demoPassword };

/**
 * The demo data of DESIGN §10 (built from lib/seed/tenants.ts). The memberships are fixed so the Provider Portal's
 * seat figures stay true: 3/2/1, 3/1/2 and 2/1/1.
 */

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
  const people = DEMO_ACCOUNTS.map((account) => ({ ...account, password }));
  const keys = await deriveAccountKeys(people);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const accounts = await insertAccounts(tx, people, keys);
    const get = (email: DemoEmail) => accounts.get(email)!;
    const provider = await seedProvider(tx, {
      name: "Demo MSP",
      businessName: "Demo MSP LLC",
      billingEmail: PROVIDER_BILLING_EMAIL,
      admin: get("admin@demo-msp.example"),
      serviceUsers: [get("tech@demo-msp.example")],
      allocatedSeats: CLIENTS.reduce((sum, client) => sum + client.seats, 0),
    });
    for (const client of CLIENTS) {
      await seedOrganization(tx, {
        name: client.name,
        seats: client.seats,
        owner: get(client.owner),
        users: client.users.map(get),
        provider,
        items: DEMO_ITEMS[client.items],
        staffGroup: true,
      });
    }
    const internalOrganizationId = await seedOrganization(tx, {
      name: "Demo MSP Internal",
      seats: 10,
      owner: get("admin@demo-msp.example"),
      users: [get("tech@demo-msp.example")],
      provider: null,
      items: DEMO_ITEMS.internal,
      staffGroup: true,
    });
    await markInternalOrganization(tx, provider.id, internalOrganizationId);
  });
}
