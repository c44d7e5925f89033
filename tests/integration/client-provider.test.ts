import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, providerAccessRequests, providerOrganizations } from "@/db/schema";
import { requireOrgScope } from "@/lib/authz/scope";
import { getClientProvider } from "@/lib/dal/client-provider";
import { exportEvents, listEvents } from "@/lib/dal/event-log";
import { defaultDateRange } from "@/lib/events/date-range";
import { type DemoIds, loadDemo } from "../support/demo";
import { eventFilter, exportedRows } from "../support/event-log";
import { createTestOrganization, createTestUser } from "../support/factories";
import { countQueries } from "../support/queries";
import { signInAs } from "../support/session";
import { addClientGroup, addServiceUser, scopeMember } from "../support/technician-scope";

/** Issue 15, part 4: what a client sees of the provider that manages it. */

describe("the client's view of its provider", () => {
  let demo: DemoIds;
  const people = {} as Record<"direct" | "grouped" | "elsewhere", { id: string; email: string; memberId: string }>;

  async function ownerScope(permission: "org.provider_access.view" | "org.events.view" = "org.provider_access.view") {
    await signInAs(demo.users.owner1);
    return requireOrgScope(demo.client1, permission);
  }

  beforeAll(async () => {
    demo = await loadDemo();
    const group = await addClientGroup(demo.providerId, "Dental practices", [demo.client1, demo.client2]);
    for (const [key, name] of [
      ["direct", "Dina Direct"],
      ["grouped", "Greta Grouped"],
      ["elsewhere", "Elias Elsewhere"],
    ] as const) {
      const user = await createTestUser({ name });
      people[key] = { ...user, memberId: await addServiceUser(demo.providerId, user) };
    }
    await scopeMember(demo.providerId, people.direct.memberId, { clients: [demo.client1], groups: [group] });
    await scopeMember(demo.providerId, people.grouped.memberId, { groups: [group] });
    await scopeMember(demo.providerId, people.elsewhere.memberId, { clients: [demo.client3] });
  });

  it("lists who at the provider reaches the client and why; a technician scoped elsewhere is not there", async () => {
    const provider = (await getClientProvider(await ownerScope()))!;
    expect(provider.providerName).toBe("Demo MSP");
    const reach = Object.fromEntries(
      provider.reachers.map((reacher) => [reacher.email, [reacher.basis, reacher.direct, reacher.groups]]),
    );
    expect(reach).toEqual({
      "admin@demo-msp.example": ["admin", false, []],
      "tech@demo-msp.example": ["all_clients", false, []],
      [people.direct.email]: ["scoped", true, ["Dental practices"]],
      [people.grouped.email]: ["scoped", false, ["Dental practices"]],
    });
    expect(provider.reachers.every((reacher) => reacher.itemAccess === null)).toBe(true);
  });

  it("shows item access only while a grant is in force", async () => {
    const db = await getDb();
    const [link] = await db
      .select({ id: providerOrganizations.id })
      .from(providerOrganizations)
      .where(eq(providerOrganizations.organizationId, demo.client1));
    const grant = (minutesFromNow: number) => ({
      providerId: demo.providerId,
      providerOrganizationId: link!.id,
      organizationId: demo.client1,
      providerUserId: people.grouped.memberId,
      reason: "Ticket 4711",
      requestedAccess: "view" as const,
      requestedMinutes: 60,
      status: "approved" as const,
      grantedAccess: "view" as const,
      expiresAt: new Date(Date.now() + minutesFromNow * 60_000),
      decidedByUserId: demo.users.owner1,
      decidedAt: new Date(),
    });
    await db.insert(providerAccessRequests).values([grant(-5), grant(30)]);
    const provider = (await getClientProvider(await ownerScope()))!;
    const grouped = provider.reachers.find((reacher) => reacher.email === people.grouped.email)!;
    expect(grouped.itemAccess?.access).toBe("view");
    expect(Math.abs(Date.parse(grouped.itemAccess!.until) - (Date.now() + 30 * 60_000))).toBeLessThan(60_000);
    await db.delete(providerAccessRequests).where(eq(providerAccessRequests.providerUserId, people.grouped.memberId));
    await db.insert(providerAccessRequests).values(grant(-5));
    const after = (await getClientProvider(await ownerScope()))!;
    expect(after.reachers.find((reacher) => reacher.email === people.grouped.email)!.itemAccess).toBeNull();
  });

  it("reads the provider and its members in two statements, however many members there are", async () => {
    const scope = await ownerScope();
    const before = await countQueries(() => getClientProvider(scope));
    for (const name of ["Mo One", "Mo Two", "Mo Three"]) {
      const user = await createTestUser({ name });
      const memberId = await addServiceUser(demo.providerId, user);
      await scopeMember(demo.providerId, memberId, { clients: [demo.client1] });
    }
    expect(await countQueries(() => getClientProvider(scope))).toBe(before);
    expect(before).toBe(2);
  });

  it("answers null for an organization no provider manages", async () => {
    const owner = await createTestUser({ name: "Ola Alone" });
    const organizationId = await createTestOrganization("Alone Inc.", owner);
    await signInAs(owner.id);
    expect(await getClientProvider(await requireOrgScope(organizationId, "org.provider_access.view"))).toBeNull();
  });

  it("filters the client's event log to what provider members did in it, on the page and in the export", async () => {
    const db = await getDb();
    await db.insert(events).values([
      { type: "collection_created", organizationId: demo.client1, actingUserId: demo.users.owner1 },
      {
        type: "collection_created",
        organizationId: demo.client1,
        actingUserId: demo.users.admin,
        providerId: demo.providerId,
      },
    ]);
    const scope = await ownerScope("org.events.view");
    const range = defaultDateRange(new Date());
    const everyone = await listEvents(scope, eventFilter(range), null);
    const byProvider = await listEvents(scope, eventFilter({ ...range, by: "provider" }), null);
    expect(byProvider.rows.length).toBeGreaterThan(0);
    expect(byProvider.rows.length).toBeLessThan(everyone.rows.length);
    expect(byProvider.rows.every((row) => row.providerName === "Demo MSP")).toBe(true);
    expect(everyone.rows.some((row) => row.actingUserId === demo.users.owner1)).toBe(true);
    const exported = await exportedRows(exportEvents(scope, eventFilter({ ...range, by: "provider" })));
    expect(exported.map((row) => row.id)).toEqual(byProvider.rows.map((row) => row.id));
  });
});
