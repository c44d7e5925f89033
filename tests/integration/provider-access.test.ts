import { and, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  decideProviderAccessAction,
  endProviderAccessAction,
  requestProviderAccessAction,
  setProviderAccessRuleAction,
} from "@/app/(console)/organizations/[organizationId]/provider-access/actions";
import { unlinkClientAction } from "@/app/(portal)/providers/[providerId]/clients/actions";
import { logItemActivity, updateItemAction } from "@/app/(vault)/vault/actions";
import { getDb } from "@/db/client";
import {
  ciphers,
  collectionCiphers,
  collections,
  events,
  mailOutbox,
  organizations,
  organizationUsers,
  providerAccessRequests,
} from "@/db/schema";
import { requireOrgScope, requireUser } from "@/lib/authz/scope";
import { listVaultItems } from "@/lib/dal/items";
import {
  decideProviderAccess,
  endAllProviderAccess,
  getProviderAccessSettings,
  listGrantedOrganizations,
  listProviderAccessRequests,
  setProviderAccessRule,
} from "@/lib/dal/provider-access";
import { inTransaction } from "@/lib/dal/transaction";
import { accountRevisionDate } from "@/lib/dal/revisions";
import { getSyncData } from "@/lib/dal/sync";
import proxy from "@/proxy";
import { type DemoIds, loadDemo } from "../support/demo";
import { addTestMember, createTestProvider, createTestUser, type TestUser } from "../support/factories";
import { FAKE_ENC_2, FAKE_LOGIN } from "../support/fakes";
import { signInAs } from "../support/session";
import { type Answer, answerRequest, askForItems, servedItemIds } from "../support/provider-access";
import { addServiceUser, scopeMember } from "../support/technician-scope";

/** Issue 15, part 2: a provider member reads a client's items only through a grant the client approved, while it lasts. */

async function mailsTo(email: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ subject: mailOutbox.subject }).from(mailOutbox).where(eq(mailOutbox.to, email));
  return rows.map((row) => row.subject);
}

async function setRule(demo: DemoIds, rule: "never" | "ask" | "named", technicianIds: string[] = []) {
  await signInAs(demo.users.owner1);
  expect(await setProviderAccessRuleAction({ organizationId: demo.client1, rule, technicianIds })).toMatchObject({
    ok: true,
  });
}

describe("client-approved, time-boxed item access", () => {
  let demo: DemoIds;
  let tech: TestUser;
  let techMemberId: string;

  /** As `tech`: a request for the client's items; answers its id. */
  const ask = (input?: Parameters<typeof askForItems>[2]) => askForItems(tech.id, demo.client1, input);
  /** As the client's owner: the answer to a request. */
  const decide = (requestId: string, answer: Answer) =>
    answerRequest(demo.users.owner1, demo.client1, requestId, answer);

  beforeAll(async () => {
    demo = await loadDemo();
    tech = await createTestUser({ name: "Tess Technician" });
    techMemberId = await addServiceUser(demo.providerId, tech);
  });

  beforeEach(async () => {
    const db = await getDb();
    await db.delete(providerAccessRequests);
    await db.update(organizations).set({ providerAccessRule: "ask" }).where(eq(organizations.id, demo.client1));
  });

  it("serves nothing before approval, and mails the client's owners the request", async () => {
    await ask();
    expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);
    expect(await mailsTo("owner@client1.example")).toContain("Demo MSP asks to read items of My Client's Organization");
    const db = await getDb();
    const [requested] = await db
      .select({ providerId: events.providerId, actingUserId: events.actingUserId })
      .from(events)
      .where(and(eq(events.type, "provider_access_requested"), eq(events.organizationId, demo.client1)));
    expect(requested).toEqual({ providerId: demo.providerId, actingUserId: tech.id });
  });

  it("serves the client's items read-only once approved as view only, and logs each view with the provider", async () => {
    const requestId = await ask({ access: "edit", minutes: 240 });
    expect(await decide(requestId, { decision: "approve", access: "view", minutes: 60 })).toEqual({ ok: true });
    expect(await mailsTo(tech.email)).toContain("My Client's Organization approved your access to its items");

    expect((await servedItemIds(tech.id, demo.client1)).sort()).toEqual([...demo.client1Items].sort());
    const { items } = await listVaultItems(await requireUser());
    const served = items.find((item) => item.id === demo.client1Items[0])!;
    expect(served.permissions).toEqual({ edit: false, viewPassword: true, manage: false });
    expect((await listGrantedOrganizations(await requireUser())).map((grant) => [grant.name, grant.access])).toEqual([
      ["My Client's Organization", "view"],
    ]);

    expect(await logItemActivity({ cipherId: served.id, type: "cipher_password_copied" })).toEqual({ ok: true });
    const db = await getDb();
    const [copied] = await db
      .select({ providerId: events.providerId, organizationId: events.organizationId })
      .from(events)
      .where(and(eq(events.type, "cipher_password_copied"), eq(events.actingUserId, tech.id)));
    expect(copied).toEqual({ providerId: demo.providerId, organizationId: demo.client1 });

    expect(await updateItemAction({ cipherId: served.id, cipher: FAKE_LOGIN })).toMatchObject({
      ok: false,
      error: "You can view this item but not change it.",
    });
  });

  it("lets an edit grant change items, never with manage rights, each change in the log with the provider", async () => {
    const requestId = await ask({ access: "edit" });
    await decide(requestId, { decision: "approve", access: "edit", minutes: 60 });
    await signInAs(tech.id);
    const { items } = await listVaultItems(await requireUser());
    const item = demo.client1Items[0]!;
    expect(items.find((served) => served.id === item)!.permissions).toEqual({
      edit: true,
      viewPassword: true,
      manage: false,
    });
    expect(await updateItemAction({ cipherId: item, cipher: FAKE_LOGIN })).toMatchObject({ ok: true });
    const db = await getDb();
    const edits = await db
      .select({ providerId: events.providerId, organizationId: events.organizationId })
      .from(events)
      .where(and(eq(events.type, "cipher_updated"), eq(events.actingUserId, tech.id), eq(events.cipherId, item)));
    expect(edits).toEqual([{ providerId: demo.providerId, organizationId: demo.client1 }]);
  });

  it("serves nothing once the grant's time is past: the query compares with the database's clock", async () => {
    const requestId = await ask();
    await decide(requestId, { decision: "approve", access: "view", minutes: 60 });
    expect(await servedItemIds(tech.id, demo.client1)).not.toEqual([]);
    const db = await getDb();
    await db
      .update(providerAccessRequests)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(providerAccessRequests.id, requestId));
    expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);
    expect(await listGrantedOrganizations(await requireUser())).toEqual([]);
    const sync = await getSyncData(await requireUser());
    expect(JSON.stringify(sync)).not.toContain(demo.client1Items[0]);
    expect(await logItemActivity({ cipherId: demo.client1Items[0]!, type: "cipher_viewed" })).toMatchObject({
      ok: false,
    });
    // The apps sync when the account's revision date moves: the grant's end moves it, with no event to do so.
    await db.execute(sql`update organizations set revision_date = now() - interval '1 hour'
      where id in (select organization_id from provider_organizations where provider_id = ${demo.providerId})`);
    await db.execute(sql`update providers set revision_date = now() - interval '1 hour' where id = ${demo.providerId}`);
    await db.execute(sql`update users set revision_date = now() - interval '1 hour' where id = ${tech.id}`);
    const [grant] = await db
      .select({ expiresAt: providerAccessRequests.expiresAt })
      .from(providerAccessRequests)
      .where(eq(providerAccessRequests.id, requestId));
    expect((await accountRevisionDate(await requireUser())).getTime()).toBeGreaterThanOrEqual(
      grant!.expiresAt!.getTime(),
    );
  });

  it("serves nothing after a denial, and an answered request cannot be answered again", async () => {
    const requestId = await ask();
    expect(await decide(requestId, { decision: "deny" })).toEqual({ ok: true });
    expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);
    expect(await decide(requestId, { decision: "approve", access: "view", minutes: 60 })).toMatchObject({
      ok: false,
      error: "This request was already answered or withdrawn.",
    });
  });

  it("approves no more than was asked", async () => {
    const requestId = await ask({ access: "view", minutes: 60 });
    expect(await decide(requestId, { decision: "approve", access: "edit", minutes: 60 })).toMatchObject({ ok: false });
    expect(await decide(requestId, { decision: "approve", access: "view", minutes: 120 })).toMatchObject({
      ok: false,
    });
    expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);
  });

  it("ends at once when either side ends it", async () => {
    const first = await ask();
    await decide(first, { decision: "approve", access: "view", minutes: 60 });
    await signInAs(tech.id);
    expect(await endProviderAccessAction({ organizationId: demo.client1, requestId: first })).toEqual({ ok: true });
    expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);

    const second = await ask();
    await decide(second, { decision: "approve", access: "view", minutes: 60 });
    await signInAs(demo.users.owner1);
    expect(await endProviderAccessAction({ organizationId: demo.client1, requestId: second })).toEqual({ ok: true });
    expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);
    expect(await mailsTo(tech.email)).toContain("My Client's Organization ended your access to its items");
  });

  it("refuses requests under the never rule, and approves named technicians at once under the named rule", async () => {
    await setRule(demo, "never");
    await signInAs(tech.id);
    expect(
      await requestProviderAccessAction({
        organizationId: demo.client1,
        collectionId: null,
        reason: "please",
        access: "view",
        minutes: 60,
      }),
    ).toMatchObject({ ok: false, error: "My Client's Organization does not let its provider read its items." });

    await setRule(demo, "named", [techMemberId]);
    await signInAs(tech.id);
    const result = await requestProviderAccessAction({
      organizationId: demo.client1,
      collectionId: null,
      reason: "on call",
      access: "view",
      minutes: 60,
    });
    expect(result).toMatchObject({ ok: true, approved: true });
    expect(await servedItemIds(tech.id, demo.client1)).not.toEqual([]);

    // Demo MSP's other service user is not named: they still ask.
    await signInAs(demo.users.tech);
    expect(
      await requestProviderAccessAction({
        organizationId: demo.client1,
        collectionId: null,
        reason: "also on call",
        access: "view",
        minutes: 60,
      }),
    ).toMatchObject({ ok: true, approved: false });
  });

  it("withdraws what waits and ends what is in force when the owner sets the never rule, and approves nothing under it", async () => {
    const granted = await ask();
    await decide(granted, { decision: "approve", access: "view", minutes: 60 });
    const waitingId = await askForItems(demo.users.tech, demo.client1);
    await setRule(demo, "never");
    expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);
    const db = await getDb();
    const statuses = await db
      .select({ id: providerAccessRequests.id, status: providerAccessRequests.status })
      .from(providerAccessRequests);
    expect(statuses.map((row) => row.status)).toEqual(["ended", "ended"]);
    const ended = await db
      .select({ details: events.details })
      .from(events)
      .where(and(eq(events.type, "provider_access_ended"), eq(events.organizationId, demo.client1)));
    const endedIds = ended.map((row) => (row.details as { requestId: string }).requestId);
    expect(endedIds).toEqual(expect.arrayContaining([granted, waitingId]));
    for (const technician of [tech.email, "tech@demo-msp.example"])
      expect(await mailsTo(technician)).toContain(
        "My Client's Organization no longer lets its provider read its items",
      );
    // A request that waits when the rule changes cannot be approved meanwhile either (the rule is read in the answer).
    await db.update(providerAccessRequests).set({ status: "pending" }).where(eq(providerAccessRequests.id, waitingId));
    expect(await decide(waitingId, { decision: "approve", access: "view", minutes: 60 })).toMatchObject({
      ok: false,
      error: "The standing rule never lets the provider read items: change it first, or deny.",
    });
    expect(await decide(waitingId, { decision: "deny" })).toEqual({ ok: true });
  });

  it("queues an answer behind a change of rule instead of deadlocking: both lock the organization first", async () => {
    const requestId = await ask();
    await signInAs(demo.users.owner1);
    const owner = await requireOrgScope(demo.client1, "org.provider_access.rule");
    // The rule's change holds its transaction open between its two steps; the answer starts in that gap and ends
    // with the action's revision bump of the organization's row. Locked in opposite orders, the two would deadlock.
    const rule = inTransaction(async (tx) => {
      await setProviderAccessRule(tx, owner, "never", []);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return endAllProviderAccess(tx, owner);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answer = inTransaction(async (tx) => {
      await decideProviderAccess(tx, owner, {
        organizationId: demo.client1,
        requestId,
        decision: "approve",
        access: "view",
        minutes: 60,
      });
      await tx
        .update(organizations)
        .set({ revisionDate: sql`now()` })
        .where(eq(organizations.id, demo.client1));
    });
    const [ruled, answered] = await Promise.allSettled([rule, answer]);
    expect(ruled).toMatchObject({ status: "fulfilled", value: [expect.objectContaining({ requestId })] });
    expect(answered).toMatchObject({
      status: "rejected",
      reason: expect.objectContaining({ message: "This request was already answered or withdrawn." }),
    });
    expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);
  });

  it("names only the managing provider's members who reach the organization in the rule", async () => {
    const outsider = await createTestUser({ name: "Other Provider Admin" });
    const other = await createTestProvider(outsider);
    const otherMember = await addServiceUser(other.id, await createTestUser({ name: "Other Tech" }));
    const elsewhere = await createTestUser({ name: "Elsewhere Tech" });
    const elsewhereMember = await addServiceUser(demo.providerId, elsewhere);
    await scopeMember(demo.providerId, elsewhereMember, { clients: [demo.client2] });
    await signInAs(demo.users.owner1);
    const refused = {
      ok: false,
      error: "Some of these people are not members of your provider who reach this organization.",
    };
    for (const technicianIds of [[otherMember], [elsewhereMember]])
      expect(
        await setProviderAccessRuleAction({ organizationId: demo.client1, rule: "named", technicianIds }),
      ).toMatchObject(refused);
    const settings = await getProviderAccessSettings(await requireOrgScope(demo.client1, "org.provider_access.rule"));
    const listed = settings!.technicians.map((technician) => technician.email);
    expect(listed).toEqual(expect.arrayContaining([tech.email, "admin@demo-msp.example"]));
    expect(listed).not.toContain(elsewhere.email);
  });

  it("grants only one collection when one was asked for: served, synced and editable there only", async () => {
    const db = await getDb();
    const [elsewhere] = await db
      .insert(collections)
      .values({ organizationId: demo.client1, name: FAKE_ENC_2 })
      .returning({ id: collections.id });
    const [outside] = await db
      .insert(ciphers)
      .values({ organizationId: demo.client1, type: FAKE_LOGIN.type, data: FAKE_LOGIN.data })
      .returning({ id: ciphers.id });
    await db
      .insert(collectionCiphers)
      .values({ organizationId: demo.client1, collectionId: elsewhere!.id, cipherId: outside!.id });

    const requestId = await ask({ access: "edit", collectionId: demo.client1Collection });
    await decide(requestId, { decision: "approve", access: "edit", minutes: 60 });
    const served = await servedItemIds(tech.id, demo.client1);
    expect(served.sort()).toEqual([...demo.client1Items].sort());
    const sync = JSON.stringify(await getSyncData(await requireUser()));
    expect(sync).toContain(demo.client1Items[0]);
    expect(sync).not.toContain(outside!.id);
    expect(await updateItemAction({ cipherId: demo.client1Items[0]!, cipher: FAKE_LOGIN })).toMatchObject({ ok: true });
    expect(await updateItemAction({ cipherId: outside!.id, cipher: FAKE_LOGIN })).toMatchObject({ ok: false });
  });

  it("stops serving a technician whose scope no longer reaches the client, and approves them nothing more", async () => {
    const requestId = await ask();
    await decide(requestId, { decision: "approve", access: "view", minutes: 60 });
    const waiting = await ask();
    await scopeMember(demo.providerId, techMemberId, { clients: [demo.client2] });
    try {
      expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);
      expect(await decide(waiting, { decision: "approve", access: "view", minutes: 60 })).toMatchObject({
        ok: false,
        error: `${tech.email} no longer reaches this organization at their provider: deny it.`,
      });
      expect(await decide(waiting, { decision: "deny" })).toEqual({ ok: true });
      // The client sees the grant on hold rather than in force, and may still end it for good.
      await signInAs(demo.users.owner1);
      const listed = await listProviderAccessRequests(await requireOrgScope(demo.client1, "org.provider_access.view"));
      expect(listed.find((request) => request.id === requestId)).toMatchObject({ state: "on_hold" });
      expect(await endProviderAccessAction({ organizationId: demo.client1, requestId })).toEqual({ ok: true });
    } finally {
      const db = await getDb();
      await db.execute(sql`update provider_users set access_all_clients = true where id = ${techMemberId}`);
      await db.execute(sql`delete from provider_user_clients where provider_user_id = ${techMemberId}`);
    }
  });

  it("does not let a provider member who is also the client's admin answer their own request or a colleague's", async () => {
    const adminAsClientAdmin = await addTestMember(
      demo.client1,
      { id: demo.users.admin, email: "admin@demo-msp.example" } as TestUser,
      "admin",
    );
    try {
      const requestId = await askForItems(demo.users.admin, demo.client1);
      expect(
        await decideProviderAccessAction({
          organizationId: demo.client1,
          requestId,
          decision: "approve",
          access: "view",
          minutes: 60,
        }),
      ).toMatchObject({ ok: false, error: "You cannot answer your own request." });
      // Nor a colleague's: the client's answer comes from the client's own people.
      const colleague = await ask();
      await signInAs(demo.users.admin);
      expect(
        await decideProviderAccessAction({
          organizationId: demo.client1,
          requestId: colleague,
          decision: "approve",
          access: "view",
          minutes: 60,
        }),
      ).toMatchObject({
        ok: false,
        error: "Members of the asking provider cannot answer its requests: another owner or admin answers.",
      });
      await signInAs(demo.users.admin);
      const listed = await listProviderAccessRequests(await requireOrgScope(demo.client1, "org.provider_access.view"));
      expect(listed.find((request) => request.id === colleague)).toMatchObject({ state: "pending", canDecide: false });
      // Nor are they asked by mail, nor may they approve colleagues in advance as an owner would with the named rule.
      expect(await mailsTo("admin@demo-msp.example")).not.toContain(
        "Demo MSP asks to read items of My Client's Organization",
      );
      const db = await getDb();
      await db.update(organizationUsers).set({ type: "owner" }).where(eq(organizationUsers.id, adminAsClientAdmin));
      expect(
        await setProviderAccessRuleAction({
          organizationId: demo.client1,
          rule: "named",
          technicianIds: [techMemberId],
        }),
      ).toMatchObject({
        ok: false,
        error: "Members of Demo MSP cannot approve its technicians in advance: another owner sets this rule.",
      });
      expect(
        await setProviderAccessRuleAction({ organizationId: demo.client1, rule: "never", technicianIds: [] }),
      ).toEqual({ ok: true });
      expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);
    } finally {
      const db = await getDb();
      await db.execute(sql`delete from organization_users where id = ${adminAsClientAdmin}`);
    }
  });

  it("keeps the standing rule's page from provider members at the first gate too (a 404, not a streamed refusal)", async () => {
    const status = async (path: string) => (await proxy(new NextRequest(`http://localhost${path}`))).status;
    const rulePage = `/organizations/${demo.client1}/settings/provider-access`;
    await signInAs(tech.id);
    expect(await status(rulePage)).toBe(404);
    expect(await status(`/organizations/${demo.client1}/provider-access`)).toBe(200);
    await signInAs(demo.users.owner1);
    expect(await status(rulePage)).toBe(200);
  });

  // Last: it unlinks the demo's first client.
  it("drops the client's requests and grants with the client's link when it is unlinked", async () => {
    const requestId = await ask();
    await decide(requestId, { decision: "approve", access: "view", minutes: 60 });
    await signInAs(demo.users.admin);
    expect(await unlinkClientAction({ providerId: demo.providerId, organizationId: demo.client1 })).toMatchObject({
      ok: true,
    });
    const db = await getDb();
    expect(await db.select({ id: providerAccessRequests.id }).from(providerAccessRequests)).toEqual([]);
    expect(await servedItemIds(tech.id, demo.client1)).toEqual([]);
  });
});
