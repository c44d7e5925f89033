import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openClientConsoleAction, unlinkClientAction } from "@/app/(portal)/providers/[providerId]/clients/actions";
import {
  createClientGroupAction,
  deleteClientGroupAction,
  setClientGroupClientsAction,
} from "@/app/(portal)/providers/[providerId]/client-groups/actions";
import { updateClientAccessAction } from "@/app/(portal)/providers/[providerId]/members/actions";
import { getDb } from "@/db/client";
import {
  events,
  organizationUsers,
  providerClientGroupClients,
  providerUserClientGroups,
  providerUserClients,
  providerUsers,
} from "@/db/schema";
import { requireOrgScope, requireProviderScope, requireUser } from "@/lib/authz/scope";
import { createClient, listClients } from "@/lib/dal/clients";
import { getKeyMaterial } from "@/lib/dal/keys";
import { listMemberReach } from "@/lib/dal/provider-scopes";
import { getSyncData } from "@/lib/dal/sync";
import proxy from "@/proxy";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestOrganization, createTestProvider, createTestUser, type TestUser } from "../support/factories";
import { FAKE_ENC_2, FAKE_PUBLIC_KEY } from "../support/fakes";
import { signInAs } from "../support/session";
import { addClientGroup, addServiceUser } from "../support/technician-scope";

const notFound = { digest: expect.stringContaining("404") };

/** The names of the clients the signed-in provider member's clients table lists. */
async function clientsTable(demo: DemoIds, search = ""): Promise<{ names: string[]; total: number }> {
  const scope = await requireProviderScope(demo.providerId, "provider.clients.view");
  const { clients, total } = await listClients(scope, { search, page: 1 });
  return { names: clients.map((client) => client.name), total };
}

async function proxyStatus(path: string): Promise<number> {
  return (await proxy(new NextRequest(`http://localhost${path}`))).status;
}

describe("technicians scoped to clients and client groups", () => {
  let demo: DemoIds;
  let tech: TestUser;
  let techId: string;
  let dental: string;

  /** As the provider admin, through the Members page's action. */
  async function setAccess(access: { allClients?: boolean; clientIds?: string[]; groupIds?: string[] }) {
    await signInAs(demo.users.admin);
    const result = await updateClientAccessAction({
      providerId: demo.providerId,
      memberId: techId,
      allClients: access.allClients ?? false,
      clientIds: access.clientIds ?? [],
      groupIds: access.groupIds ?? [],
    });
    expect(result).toMatchObject({ ok: true });
    await signInAs(tech.id);
  }

  beforeAll(async () => {
    demo = await loadDemo();
    tech = await createTestUser({ name: "Scoped Tech" });
    techId = await addServiceUser(demo.providerId, tech);
    dental = await addClientGroup(demo.providerId, "Dental practices", [demo.client3]);
  });

  beforeEach(() => setAccess({ allClients: true }));

  it("reaches every client by default (Bitwarden's behaviour)", async () => {
    expect((await clientsTable(demo)).total).toBe(3);
    await expect(requireOrgScope(demo.client2, "org.console.access")).resolves.toMatchObject({
      access: { via: "provider", providerUserId: techId },
    });
  });

  it("reaches only chosen clients: the table, its count and search, both gates, and client actions", async () => {
    await setAccess({ clientIds: [demo.client1] });
    expect(await clientsTable(demo)).toEqual({ names: ["My Client's Organization"], total: 1 });
    expect(await clientsTable(demo, "Second")).toEqual({ names: [], total: 0 });
    await expect(requireOrgScope(demo.client1, "org.members.manage")).resolves.toBeTruthy();
    await expect(requireOrgScope(demo.client2, "org.console.access")).rejects.toMatchObject(notFound);
    expect(await proxyStatus(`/organizations/${demo.client1}/members`)).toBe(200);
    expect(await proxyStatus(`/organizations/${demo.client2}/members`)).toBe(404);
    expect(await proxyStatus(`/organizations/${demo.client2}/events/export`)).toBe(404);
    const before = await databaseSnapshot();
    const opened = await openClientConsoleAction({ providerId: demo.providerId, organizationId: demo.client2 });
    expect(opened).toMatchObject({ ok: false, code: "not_found" });
    expect(await databaseSnapshot()).toEqual(before);
    expect(await openClientConsoleAction({ providerId: demo.providerId, organizationId: demo.client1 })).toMatchObject({
      ok: true,
    });
  });

  it("reaches the clients of their client groups, and the mix of both", async () => {
    await setAccess({ groupIds: [dental] });
    expect((await clientsTable(demo)).names).toEqual(["Third Client's Organization"]);
    await setAccess({ clientIds: [demo.client1], groupIds: [dental] });
    expect((await clientsTable(demo)).names).toEqual(["My Client's Organization", "Third Client's Organization"]);
    await expect(requireOrgScope(demo.client3, "org.console.access")).resolves.toBeTruthy();
    await expect(requireOrgScope(demo.client2, "org.console.access")).rejects.toMatchObject(notFound);
  });

  it("gives the Bitwarden apps the same clients: sync and the keyring", async () => {
    await setAccess({ clientIds: [demo.client1], groupIds: [dental] });
    const user = await requireUser();
    const sync = await getSyncData(user);
    expect(sync.clients.map((client) => client.id).sort()).toEqual([demo.client1, demo.client3].sort());
    const keys = await getKeyMaterial(user);
    expect(keys.providerOrganizations.map((client) => client.organizationId).sort()).toEqual(
      [demo.client1, demo.client3].sort(),
    );
  });

  it("leaves provider admins every client whatever their row says", async () => {
    const db = await getDb();
    await db
      .update(providerUsers)
      .set({ accessAllClients: false })
      .where(eq(providerUsers.id, demo.providerUsers.admin));
    await signInAs(demo.users.admin);
    expect((await clientsTable(demo)).total).toBe(3);
    await db
      .update(providerUsers)
      .set({ accessAllClients: true })
      .where(eq(providerUsers.id, demo.providerUsers.admin));
  });

  it("records each change with counts, and refuses to scope a provider admin", async () => {
    await setAccess({ clientIds: [demo.client1, demo.client2], groupIds: [dental] });
    const db = await getDb();
    const recorded = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "provider_user_client_access_updated"), eq(events.providerUserId, techId)));
    const event = recorded.find((row) => row.details?.clients === 2);
    expect(event).toMatchObject({
      actingUserId: demo.users.admin,
      providerId: demo.providerId,
      details: { allClientsBefore: true, allClients: false, clients: 2, groups: 1 },
    });
    await signInAs(demo.users.admin);
    const refused = await updateClientAccessAction({
      providerId: demo.providerId,
      memberId: demo.providerUsers.tech,
      allClients: false,
      clientIds: [demo.client1],
      groupIds: [],
    });
    expect(refused).toMatchObject({ ok: true });
    const admin = await updateClientAccessAction({
      providerId: demo.providerId,
      memberId: demo.providerUsers.admin,
      allClients: false,
      clientIds: [demo.client1],
      groupIds: [],
    });
    expect(admin).toMatchObject({ ok: false, code: "rejected" });
    const scope = await requireProviderScope(demo.providerId, "provider.members.manage");
    expect((await listMemberReach(scope))[demo.providerUsers.tech]).toEqual({
      allClients: false,
      clientIds: [demo.client1],
      groupIds: [],
    });
    expect(
      await updateClientAccessAction({
        providerId: demo.providerId,
        memberId: demo.providerUsers.tech,
        allClients: true,
        clientIds: [],
        groupIds: [],
      }),
    ).toMatchObject({ ok: true });
  });

  it("refuses another provider's clients and groups, writing nothing", async () => {
    const otherAdmin = await createTestUser();
    const other = await createTestProvider(otherAdmin, "Scope Other MSP");
    const foreignGroup = await addClientGroup(other.id, "Theirs", []);
    const unmanaged = await createTestOrganization("Unmanaged", otherAdmin);
    await signInAs(demo.users.admin);
    const before = await databaseSnapshot();
    for (const attempt of [
      { clientIds: [demo.client1, unmanaged], groupIds: [] },
      { clientIds: [], groupIds: [foreignGroup] },
    ]) {
      const result = await updateClientAccessAction({
        providerId: demo.providerId,
        memberId: techId,
        allClients: false,
        ...attempt,
      });
      expect(result).toMatchObject({ ok: false, code: "not_found" });
    }
    const tagged = await setClientGroupClientsAction({
      providerId: demo.providerId,
      groupId: dental,
      clientIds: [unmanaged],
    });
    expect(tagged).toMatchObject({ ok: false, code: "not_found" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("follows a group's clients as an admin tags and untags them, and loses a deleted group", async () => {
    await signInAs(demo.users.admin);
    const created = await createClientGroupAction({ providerId: demo.providerId, name: "Law firms" });
    expect(created).toMatchObject({ ok: true });
    const groupId = (created as { groupId: string }).groupId;
    const duplicate = await createClientGroupAction({ providerId: demo.providerId, name: "law FIRMS" });
    expect(duplicate).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    await setAccess({ groupIds: [groupId] });
    expect((await clientsTable(demo)).total).toBe(0);
    await signInAs(demo.users.admin);
    await setClientGroupClientsAction({ providerId: demo.providerId, groupId, clientIds: [demo.client2] });
    await signInAs(tech.id);
    expect((await clientsTable(demo)).names).toEqual(["Second Client's Organization"]);
    await signInAs(demo.users.admin);
    expect(await deleteClientGroupAction({ providerId: demo.providerId, groupId })).toMatchObject({ ok: true });
    await signInAs(tech.id);
    expect((await clientsTable(demo)).total).toBe(0);
  });

  it("puts a client a scoped service user creates into their own list", async () => {
    await setAccess({ clientIds: [demo.client1] });
    const scope = await requireProviderScope(demo.providerId, "provider.clients.view");
    const db = await getDb();
    await db.transaction((tx) =>
      createClient(tx, scope, {
        providerId: demo.providerId,
        name: "Tech's New Client",
        ownerEmail: "new-client-owner@test.example",
        planType: "enterprise_monthly",
        seats: 1,
        publicKey: FAKE_PUBLIC_KEY,
        privateKey: FAKE_ENC_2,
        collectionName: FAKE_ENC_2,
        key: FAKE_ENC_2,
      }),
    );
    expect((await clientsTable(demo)).names).toEqual(["My Client's Organization", "Tech's New Client"]);
  });

  it("drops a client's assignments and tags with it when the client is unlinked", async () => {
    await setAccess({ clientIds: [demo.client3], groupIds: [dental] });
    const db = await getDb();
    const owner3 = await db
      .select({ status: organizationUsers.status })
      .from(organizationUsers)
      .where(eq(organizationUsers.organizationId, demo.client3));
    expect(owner3[0]?.status).toBe("confirmed");
    await signInAs(demo.users.admin);
    expect(await unlinkClientAction({ providerId: demo.providerId, organizationId: demo.client3 })).toMatchObject({
      ok: true,
    });
    expect(await db.select().from(providerUserClients).where(eq(providerUserClients.providerUserId, techId))).toEqual(
      [],
    );
    expect(
      await db.select().from(providerClientGroupClients).where(eq(providerClientGroupClients.groupId, dental)),
    ).toEqual([]);
    expect(
      await db.select().from(providerUserClientGroups).where(eq(providerUserClientGroups.providerUserId, techId)),
    ).toHaveLength(1);
    await signInAs(tech.id);
    expect((await clientsTable(demo)).total).toBe(0);
    await expect(requireOrgScope(demo.client3, "org.console.access")).rejects.toMatchObject(notFound);
  });
});
