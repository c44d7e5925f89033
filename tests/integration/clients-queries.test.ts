import { beforeAll, describe, expect, it } from "vitest";
import ProviderLayout from "@/app/(portal)/providers/[providerId]/layout";
import ClientsPage from "@/app/(portal)/providers/[providerId]/clients/page";
import { getDb } from "@/db/client";
import { organizations, organizationUsers, providerOrganizations } from "@/db/schema";
import { FAKE_ENC_2, FAKE_PUBLIC_KEY } from "../support/fakes";
import { createTestProvider, createTestUser, type TestUser } from "../support/factories";
import { countQueries } from "../support/queries";
import { signInAs } from "../support/session";

/** Adds `count` clients with two members each, in bulk (their keys need not be real for a query count). */
async function addClients(providerId: string, count: number, offset: number): Promise<void> {
  const db = await getDb();
  const created = await db
    .insert(organizations)
    .values(
      Array.from({ length: count }, (_, index) => ({
        name: `Client ${String(offset + index).padStart(4, "0")}`,
        billingEmail: "billing@test.example",
        planType: "enterprise_monthly" as const,
        seats: 5,
        status: "managed" as const,
        publicKey: FAKE_PUBLIC_KEY,
        privateKey: FAKE_ENC_2,
      })),
    )
    .returning({ id: organizations.id });
  await db
    .insert(providerOrganizations)
    .values(created.map((organization) => ({ providerId, organizationId: organization.id, key: FAKE_ENC_2 })));
  await db.insert(organizationUsers).values(
    created.flatMap((organization, index) => [
      {
        organizationId: organization.id,
        email: `owner${offset + index}@test.example`,
        type: "owner" as const,
        status: "invited" as const,
      },
      {
        organizationId: organization.id,
        email: `user${offset + index}@test.example`,
        type: "user" as const,
        status: "invited" as const,
      },
    ]),
  );
}

/** Queries run to render the clients page inside its layout, as Next.js would for one request. */
function queriesForClientsPage(providerId: string, searchParams: Record<string, string> = {}): Promise<number> {
  return countQueries(async () => {
    const params = Promise.resolve({ providerId });
    await ProviderLayout({ children: null, params });
    await ClientsPage({ params, searchParams: Promise.resolve(searchParams) });
  });
}

describe("the clients page's query budget", () => {
  let admin: TestUser;
  let providerId: string;

  beforeAll(async () => {
    admin = await createTestUser();
    providerId = (await createTestProvider(admin, "Big MSP")).id;
    await signInAs(admin.id);
  });

  it("is the same at 10 and at 500 clients", async () => {
    await addClients(providerId, 10, 0);
    const atTen = await queriesForClientsPage(providerId);
    await addClients(providerId, 490, 10);
    const atFiveHundred = await queriesForClientsPage(providerId);
    expect(atTen).toBeGreaterThan(0);
    expect(atFiveHundred).toBe(atTen);
    // Searching and paging do not add queries either.
    expect(await queriesForClientsPage(providerId, { q: "Client 04", page: "2" })).toBe(atTen);
  });
});
