import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import ProviderLayout from "@/app/(portal)/providers/[providerId]/layout";
import ClientsPage from "@/app/(portal)/providers/[providerId]/clients/page";
import ProviderDashboardPage from "@/app/(portal)/providers/[providerId]/page";
import { getDb } from "@/db/client";
import { organizations, organizationUsers, providerOrganizations } from "@/db/schema";
import { and, eq, inArray, like } from "drizzle-orm";
import { FAKE_ENC_2, FAKE_PUBLIC_KEY } from "../support/fakes";
import { createTestProvider, createTestUser, type TestUser } from "../support/factories";
import { countQueries } from "../support/queries";
import { requireProviderScope } from "@/lib/authz/scope";
import { CLIENTS_PAGE_SIZE, listClients } from "@/lib/dal/clients";
import { getProviderDashboard } from "@/lib/dal/provider-dashboard";
import { asOneRequest } from "../support/request-cache";
import { signInAs } from "../support/session";
import proxy from "@/proxy";
import { addClientGroup, addServiceUser, scopeMember } from "../support/technician-scope";

// Per-request memos as in the server (see tests/support/request-cache.ts), so the count is what one request costs.
vi.mock("react", async (importOriginal) => {
  const { requestCache } = await import("../support/request-cache");
  return { ...(await importOriginal<typeof import("react")>()), cache: requestCache };
});

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

/** Statements one request for the clients page runs: the proxy's gate, then the layout and the page. */
function queriesForClientsPage(providerId: string, searchParams: Record<string, string> = {}): Promise<number> {
  return countQueries(() =>
    asOneRequest(async () => {
      const url = `http://localhost/providers/${providerId}/clients?${new URLSearchParams(searchParams)}`;
      const gate = await proxy(new NextRequest(url));
      expect(gate.status).toBe(200);
      const params = Promise.resolve({ providerId });
      await ProviderLayout({ children: null, params });
      await ClientsPage({ params, searchParams: Promise.resolve(searchParams) });
    }),
  );
}

/** Statements one request for the dashboard runs: the proxy's gate, then the layout and the page. */
function queriesForDashboard(providerId: string): Promise<number> {
  return countQueries(() =>
    asOneRequest(async () => {
      const gate = await proxy(new NextRequest(`http://localhost/providers/${providerId}`));
      expect(gate.status).toBe(200);
      const params = Promise.resolve({ providerId });
      await ProviderLayout({ children: null, params });
      await ProviderDashboardPage({ params });
    }),
  );
}

describe("the clients page's query budget for a scoped technician", () => {
  it("is the same at 10 and at 2,000 clients, and lists only the technician's", async () => {
    const admin = await createTestUser();
    const providerId = (await createTestProvider(admin, "Scoped MSP")).id;
    await addClients(providerId, 10, 0);
    const tech = await createTestUser({ name: "Scoped Tech" });
    const techId = await addServiceUser(providerId, tech);
    const db = await getDb();
    const named = async (names: string[]) =>
      (await db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.name, names))).map(
        (row) => row.id,
      );
    const group = await addClientGroup(providerId, "Group", await named(["Client 0003", "Client 0004"]));
    await scopeMember(providerId, techId, { clients: await named(["Client 0001"]), groups: [group] });
    await signInAs(tech.id);
    const atTen = await queriesForClientsPage(providerId);
    const dashboardAtTen = await queriesForDashboard(providerId);
    await addClients(providerId, 1990, 10);
    expect(await queriesForClientsPage(providerId)).toBe(atTen);
    // The dashboard too: its figures, its security events, its members to confirm and its seats over time are a
    // statement each, whatever the number of clients.
    expect(await queriesForDashboard(providerId)).toBe(dashboardAtTen);
    expect(dashboardAtTen).toBeLessThanOrEqual(7);
    expect(await queriesForClientsPage(providerId, { q: "Client 000", page: "1" })).toBe(atTen);
    expect(atTen).toBeLessThanOrEqual(5);
    const scope = await requireProviderScope(providerId, "provider.clients.view");
    const { clients, total } = await listClients(scope, { search: "", page: 1 });
    expect({ names: clients.map((client) => client.name), total }).toEqual({
      names: ["Client 0001", "Client 0003", "Client 0004"],
      total: 3,
    });
    const dashboard = await getProviderDashboard(scope);
    expect(dashboard.totals).toMatchObject({ clients: 3, seatsAssigned: 15, invited: 6 });
    expect(dashboard.bySeats.map((client) => client.name)).toEqual(["Client 0001", "Client 0003", "Client 0004"]);
  }, 120_000);
});

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
    // The gate's session and membership read, the layout's product switcher, the page's rows and the provider admin's
    // move codes and clients asked for through the API; the page and its layout share the gate's read. The admin's
    // own organizations that could be added are read when the "Add existing organization" dialog opens.
    expect(atTen).toBeLessThanOrEqual(6);
    expect(atFiveHundred).toBe(atTen);
    // Searching and paging do not add queries either.
    expect(await queriesForClientsPage(providerId, { q: "Client 04", page: "2" })).toBe(atTen);
  });

  it("counts seats for the page's rows, knows the total past the last page, and searches only this provider's clients", async () => {
    const other = await createTestUser();
    const otherProviderId = (await createTestProvider(other, "Other MSP")).id;
    await addClients(otherProviderId, 3, 9000);
    const scope = await requireProviderScope(providerId, "provider.clients.view");
    const db = await getDb();
    const [first] = (await listClients(scope, { search: "", page: 1 })).clients;
    await db
      .update(organizationUsers)
      .set({ status: "revoked" })
      .where(and(eq(organizationUsers.organizationId, first!.id), like(organizationUsers.email, "user%")));

    const firstPage = await listClients(scope, { search: "", page: 1 });
    expect(firstPage.total).toBe(500);
    expect(firstPage.clients).toHaveLength(CLIENTS_PAGE_SIZE);
    expect(firstPage.clients[0]).toMatchObject({ id: first!.id, assigned: 5, used: 1 });
    expect(firstPage.clients[1]).toMatchObject({ assigned: 5, used: 2 });
    const lastPage = await listClients(scope, { search: "", page: 10 });
    expect(lastPage.clients.map((client) => client.name)).toContain("Client 0499");
    expect(await listClients(scope, { search: "", page: 11 })).toEqual({ clients: [], total: 500 });
    // The other provider's "Client 9000" matches the search too, but is not this provider's.
    expect(await listClients(scope, { search: "Client 900", page: 1 })).toEqual({ clients: [], total: 0 });
    expect((await listClients(scope, { search: "client 049", page: 1 })).total).toBe(10);
  });
});
