import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addExistingClientAction,
  createClientAction,
  openClientConsoleAction,
  unlinkClientAction,
  updateClientAction,
} from "@/app/(portal)/providers/[providerId]/clients/actions";
import { getDb } from "@/db/client";
import {
  collections,
  collectionUsers,
  events,
  mailOutbox,
  organizations,
  organizationUsers,
  providerOrganizations,
  providerPlans,
  providers,
} from "@/db/schema";
import { decryptString, type SymmetricKey, wrapSymmetricKey } from "@/lib/crypto";
import { listClients } from "@/lib/dal/clients";
import { requireProviderScope } from "@/lib/authz/scope";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestProvider, createTestUser } from "../support/factories";
import { clientKeyOf, memberOrganizationKey, newClientInput, providerKeyOf, unlockAs } from "../support/keys";
import { signInAs } from "../support/session";

async function enterprisePlan(providerId: string) {
  const db = await getDb();
  const [plan] = await db
    .select()
    .from(providerPlans)
    .where(and(eq(providerPlans.providerId, providerId), eq(providerPlans.planType, "enterprise_monthly")));
  return plan!;
}

async function tableRow(name: string, demo: DemoIds) {
  await signInAs(demo.users.admin);
  const { clients } = await listClients(await requireProviderScope(demo.providerId, "provider.clients.view"), {
    search: name,
    page: 1,
  });
  return clients.find((client) => client.name === name);
}

describe("provider clients", () => {
  let demo: DemoIds;
  let providerKey: SymmetricKey;

  beforeAll(async () => {
    demo = await loadDemo();
    providerKey = await providerKeyOf(await unlockAs("admin@demo-msp.example", "keyhouse-demo"), demo.providerId);
  });

  it("lists the demo's clients with Assigned, Used and Plan", async () => {
    await signInAs(demo.users.tech);
    const { clients, total } = await listClients(await requireProviderScope(demo.providerId, "provider.clients.view"), {
      search: "",
      page: 1,
    });
    expect(total).toBe(3);
    expect(clients.map((client) => [client.name, client.assigned, client.used, client.planType])).toEqual([
      ["My Client's Organization", 3, 2, "enterprise_monthly"],
      ["Second Client's Organization", 3, 1, "enterprise_monthly"],
      ["Third Client's Organization", 2, 1, "enterprise_monthly"],
    ]);
    const { clients: found } = await listClients(await requireProviderScope(demo.providerId, "provider.clients.view"), {
      search: "second",
      page: 1,
    });
    expect(found.map((client) => client.name)).toEqual(["Second Client's Organization"]);
  });

  it("creates a client: a managed organization, its provider link, an encrypted default collection and an invited owner", async () => {
    await signInAs(demo.users.admin);
    const input = await newClientInput(demo.providerId, providerKey, {
      name: "Fourth Client",
      seats: 4,
      ownerEmail: "owner4@client4.example",
    });
    const result = await createClientAction(input);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const db = await getDb();
    const [organization] = await db.select().from(organizations).where(eq(organizations.id, result.organizationId));
    expect(organization).toMatchObject({
      name: "Fourth Client",
      seats: 4,
      status: "managed",
      billingEmail: "billing@demo-msp.example",
      planType: "enterprise_monthly",
    });
    expect((await clientKeyOf(providerKey, result.organizationId)).toBytes()).toEqual(input.organizationKey.toBytes());
    const [collection] = await db
      .select()
      .from(collections)
      .where(eq(collections.organizationId, result.organizationId));
    expect(await decryptString(collection!.name, input.organizationKey)).toBe("Default collection");
    const [owner] = await db
      .select()
      .from(organizationUsers)
      .where(eq(organizationUsers.organizationId, result.organizationId));
    expect(owner).toMatchObject({ email: "owner4@client4.example", type: "owner", status: "invited" });
    const [access] = await db.select().from(collectionUsers).where(eq(collectionUsers.organizationUserId, owner!.id));
    expect(access).toMatchObject({ manage: true, readOnly: false });
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, "owner4@client4.example"));
    expect(mail!.text).toMatch(/\/accept\/organization\?token=[A-Za-z0-9_-]{43}/);
    expect(await tableRow("Fourth Client", demo)).toMatchObject({ assigned: 4, used: 1 });
    const plan = await enterprisePlan(demo.providerId);
    expect(plan).toMatchObject({ seatMinimum: 10, allocatedSeats: 12, purchasedSeats: 2 });
    const logged = await db
      .select({ type: events.type, providerId: events.providerId })
      .from(events)
      .where(eq(events.organizationId, result.organizationId));
    expect(logged).toEqual([
      { type: "provider_organization_created", providerId: demo.providerId },
      { type: "organization_user_invited", providerId: demo.providerId },
    ]);
  });

  it.each([
    ["0 seats", { seats: 0 }, "seats", "A client needs at least 1 seat."],
    ["-1 seats", { seats: -1 }, "seats", "A client needs at least 1 seat."],
    ["1.5 seats", { seats: 1.5 }, "seats", "Seats must be a whole number."],
    ["10^9 seats", { seats: 1e9 }, "seats", "Seats must be at most 100,000."],
    ["an overlong name", { name: "x".repeat(51) }, "name", "Organization name must be at most 50 characters."],
    ["a bad owner email", { ownerEmail: "owner@" }, "ownerEmail", "Enter a valid email address."],
    [
      "a tampered collection name",
      { collectionName: "2.abc|def|ghi" },
      "collectionName",
      "Encrypted data is malformed.",
    ],
    ["a tampered key", { key: "not an encstring" }, "key", "Encrypted data is malformed."],
    ["an unknown plan", { planType: "free" }, "planType", "Choose Teams or Enterprise."],
  ])("refuses a new client with %s and writes nothing", async (_label, change, field, message) => {
    await signInAs(demo.users.admin);
    const input = { ...(await newClientInput(demo.providerId, providerKey)), ...change };
    const before = await databaseSnapshot();
    const result = await createClientAction(input as Parameters<typeof createClientAction>[0]);
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses client creation to a service user", async () => {
    await signInAs(demo.users.tech);
    const before = await databaseSnapshot();
    expect(await createClientAction(await newClientInput(demo.providerId, providerKey))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("changes name and seats, never below Used", async () => {
    await signInAs(demo.users.admin);
    const ok = await updateClientAction({
      providerId: demo.providerId,
      organizationId: demo.client2,
      name: "Second Client Renamed",
      seats: 2,
    });
    expect(ok).toEqual({ ok: true });
    expect(await tableRow("Second Client Renamed", demo)).toMatchObject({ assigned: 2, used: 1 });
    const before = await databaseSnapshot();
    const result = await updateClientAction({
      providerId: demo.providerId,
      organizationId: demo.client1,
      name: "My Client's Organization",
      seats: 1,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { seats: "Assigned seats cannot be fewer than the 2 seats in use." },
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("lets a service user change seats only while nothing is bought above the plan minimum", async () => {
    const db = await getDb();
    const plan = await enterprisePlan(demo.providerId);
    // Make the plan minimum exactly the allocation, so any increase would buy seats.
    await db.update(providerPlans).set({ seatMinimum: plan.allocatedSeats }).where(eq(providerPlans.id, plan.id));
    await signInAs(demo.users.tech);
    const before = await databaseSnapshot();
    const refused = await updateClientAction({
      providerId: demo.providerId,
      organizationId: demo.client3,
      name: "Third Client's Organization",
      seats: 3,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: `Only a provider admin can assign seats beyond the plan's minimum of ${plan.allocatedSeats}.`,
    });
    expect(await databaseSnapshot()).toEqual(before);
    await db
      .update(providerPlans)
      .set({ seatMinimum: plan.allocatedSeats + 5 })
      .where(eq(providerPlans.id, plan.id));
    expect(
      await updateClientAction({
        providerId: demo.providerId,
        organizationId: demo.client3,
        name: "Third Client's Organization",
        seats: 3,
      }),
    ).toEqual({ ok: true });
    await signInAs(demo.users.admin);
    expect(
      await updateClientAction({
        providerId: demo.providerId,
        organizationId: demo.client3,
        name: "Third Client's Organization",
        seats: 2,
      }),
    ).toEqual({ ok: true });
    await db.update(providerPlans).set({ seatMinimum: 10 }).where(eq(providerPlans.id, plan.id));
  });

  it("refuses another provider's organization ids in every client action", async () => {
    const otherAdmin = await createTestUser();
    const other = await createTestProvider(otherAdmin);
    await signInAs(otherAdmin.id);
    const before = await databaseSnapshot();
    expect(
      await updateClientAction({ providerId: other.id, organizationId: demo.client1, name: "Stolen", seats: 9 }),
    ).toMatchObject({ ok: false });
    expect(await unlinkClientAction({ providerId: other.id, organizationId: demo.client1 })).toMatchObject({
      ok: false,
    });
    expect(await openClientConsoleAction({ providerId: other.id, organizationId: demo.client1 })).toMatchObject({
      ok: false,
    });
    expect(
      await updateClientAction({ providerId: demo.providerId, organizationId: demo.client1, name: "Stolen", seats: 9 }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("records opening a client's console and answers where to go", async () => {
    await signInAs(demo.users.tech);
    expect(await openClientConsoleAction({ providerId: demo.providerId, organizationId: demo.client1 })).toEqual({
      ok: true,
      href: `/organizations/${demo.client1}`,
    });
    const db = await getDb();
    const logged = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "provider_organization_vault_accessed"), eq(events.organizationId, demo.client1)));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actingUserId: demo.users.tech, providerId: demo.providerId });
  });

  it("unlinks a client only when it has a confirmed owner, who then receives its bills", async () => {
    await signInAs(demo.users.admin);
    const db = await getDb();
    const [fourth] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, "Fourth Client"));
    const before = await databaseSnapshot();
    expect(await unlinkClientAction({ providerId: demo.providerId, organizationId: fourth!.id })).toMatchObject({
      ok: false,
      error: expect.stringContaining("no confirmed owner"),
    });
    expect(await databaseSnapshot()).toEqual(before);

    const allocatedBefore = (await enterprisePlan(demo.providerId)).allocatedSeats;
    expect(await unlinkClientAction({ providerId: demo.providerId, organizationId: demo.client1 })).toEqual({
      ok: true,
    });
    const [organization] = await db.select().from(organizations).where(eq(organizations.id, demo.client1));
    expect(organization).toMatchObject({ status: "created", billingEmail: "owner@client1.example" });
    expect(
      await db.select().from(providerOrganizations).where(eq(providerOrganizations.organizationId, demo.client1)),
    ).toEqual([]);
    expect((await enterprisePlan(demo.providerId)).allocatedSeats).toBe(allocatedBefore - 3);
  });

  it("adds an existing organization its owner owns, wrapping its key with the provider key", async () => {
    // owner@client1 is now an unlinked owner; make them a provider admin of a new provider and add their org.
    const owner1 = await unlockAs("owner@client1.example", "keyhouse-demo");
    const { id: providerId, key } = await createTestProvider(
      { id: owner1.userId, email: "owner@client1.example", keys: { publicKey: owner1.publicKey } },
      "Owner's MSP",
    );
    const organizationKey = await memberOrganizationKey(owner1, demo.client1);
    await signInAs(owner1.userId);
    const result = await addExistingClientAction({
      providerId,
      organizationId: demo.client1,
      key: await wrapSymmetricKey(organizationKey, key),
    });
    expect(result).toEqual({ ok: true, organizationId: demo.client1 });
    expect((await clientKeyOf(key, demo.client1)).toBytes()).toEqual(organizationKey.toBytes());
    const db = await getDb();
    const [organization] = await db
      .select({ status: organizations.status })
      .from(organizations)
      .where(eq(organizations.id, demo.client1));
    expect(organization!.status).toBe("managed");
    // Twice is refused, and so is an organization the caller does not own.
    const before = await databaseSnapshot();
    expect(
      await addExistingClientAction({
        providerId,
        organizationId: demo.client1,
        key: await wrapSymmetricKey(organizationKey, key),
      }),
    ).toMatchObject({ ok: false });
    expect(
      await addExistingClientAction({
        providerId,
        organizationId: demo.client2,
        key: await wrapSymmetricKey(organizationKey, key),
      }),
    ).toMatchObject({
      ok: false,
      error: "You can only add organizations that you own.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses new clients and seats while the provider is disabled, but allows fewer seats", async () => {
    const db = await getDb();
    await db.update(providers).set({ enabled: false }).where(eq(providers.id, demo.providerId));
    await signInAs(demo.users.admin);
    const before = await databaseSnapshot();
    const message = "This provider is disabled: new clients and seats cannot be added.";
    expect(await createClientAction(await newClientInput(demo.providerId, providerKey))).toMatchObject({
      ok: false,
      error: message,
    });
    expect(
      await updateClientAction({
        providerId: demo.providerId,
        organizationId: demo.client3,
        name: "Third Client's Organization",
        seats: 5,
      }),
    ).toMatchObject({ ok: false, error: message });
    expect(await databaseSnapshot()).toEqual(before);
    expect(
      await updateClientAction({
        providerId: demo.providerId,
        organizationId: demo.client2,
        name: "Second Client Renamed",
        seats: 1,
      }),
    ).toEqual({ ok: true });
    await db.update(providers).set({ enabled: true }).where(eq(providers.id, demo.providerId));
  });
});
