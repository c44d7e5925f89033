import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { requestToBecomeProvider, withdrawProviderRequestAction } from "@/app/(vault)/become-a-provider/actions";
import { createProviderKeyAction } from "@/app/(portal)/providers/[providerId]/actions";
import {
  addExistingClientAction,
  listAddableOrganizationsAction,
} from "@/app/(portal)/providers/[providerId]/clients/actions";
import { setInternalOrganizationAction } from "@/app/(portal)/providers/[providerId]/settings/actions";
import { approveProviderRequestAction, rejectProviderRequestAction } from "@/app/admin/actions";
import { getDb } from "@/db/client";
import { events, mailOutbox, organizations, providerRequests, providers, providerUsers } from "@/db/schema";
import { requireProviderScope, requireUser } from "@/lib/authz/scope";
import {
  SymmetricKey,
  unwrapPrivateKey,
  unwrapSymmetricKeyWithPrivateKey,
  wrapSymmetricKeyForPublicKey,
} from "@/lib/crypto";
import { internalOrganizationChoices } from "@/lib/dal/internal-organizations";
import { findMyLatestProviderRequest } from "@/lib/dal/provider-requests";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestOrganization, createTestUser, type TestUser, uniqueEmail } from "../support/factories";
import { FAKE_ENC_2, FAKE_ENC_4 } from "../support/fakes";
import { signInAs } from "../support/session";
import { OPERATOR_EMAIL } from "./isolation/roles";

const request = (organizationId: string) => ({
  businessName: "Acme MSP",
  type: "msp" as const,
  billingEmail: "billing@acme.example",
  internalOrganizationId: organizationId,
  firstClientName: "Acme's First Client",
});

describe("becoming a provider", () => {
  let demo: DemoIds;
  let operator: TestUser;

  beforeAll(async () => {
    demo = await loadDemo();
    operator = await createTestUser({ name: "Operator", email: OPERATOR_EMAIL });
  });

  /** A new person with an Enterprise organization of their own, nobody's client. */
  async function business() {
    const owner = await createTestUser({ email: uniqueEmail("msp") });
    const organizationId = await createTestOrganization("Acme Internal", owner);
    return { owner, organizationId };
  }

  async function submitted() {
    const { owner, organizationId } = await business();
    await signInAs(owner.id);
    const result = await requestToBecomeProvider(request(organizationId));
    if (!result.ok) throw new Error(result.error);
    return { owner, organizationId, requestId: result.requestId };
  }

  it("records the owner's request with its event, mails the operators, and shows it only to its requester", async () => {
    const { owner, organizationId, requestId } = await submitted();
    const db = await getDb();
    const [row] = await db.select().from(providerRequests).where(eq(providerRequests.id, requestId));
    expect(row).toMatchObject({
      requesterId: owner.id,
      businessName: "Acme MSP",
      type: "msp",
      internalOrganizationId: organizationId,
      status: "pending",
      firstClientName: "Acme's First Client",
    });
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "provider_request_submitted"), eq(events.actingUserId, owner.id)));
    expect(event).toMatchObject({ organizationId, details: { requestId, businessName: "Acme MSP", type: "msp" } });
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, OPERATOR_EMAIL));
    expect(mails.map((mail) => mail.subject)).toContain("Acme MSP asks to become a provider");

    expect(await findMyLatestProviderRequest(await requireUser())).toMatchObject({
      id: requestId,
      status: "pending",
      organizationName: "Acme Internal",
    });
    await signInAs(demo.users.owner2);
    expect(await findMyLatestProviderRequest(await requireUser())).toBeNull();
  });

  it("refuses, with nothing written, an organization the requester does not own, a client, an internal one, a Teams one and a second request", async () => {
    const { owner, organizationId } = await submitted();
    const teams = await createTestOrganization("Acme Teams", owner);
    const db = await getDb();
    await db.update(organizations).set({ planType: "teams_monthly" }).where(eq(organizations.id, teams));
    const attempts: [string, string, RegExp][] = [
      [demo.users.owner1, demo.client2, /only choose an organization that you own/],
      [demo.users.owner2, demo.client2, /is a client of Demo MSP/],
      [demo.users.admin, demo.internal, /already the internal organization of Demo MSP/],
      [owner.id, teams, /on the Teams plan/],
      [owner.id, organizationId, /already have a request waiting/],
    ];
    for (const [userId, target, message] of attempts) {
      await signInAs(userId);
      const before = await databaseSnapshot();
      const result = await requestToBecomeProvider(request(target));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
      expect(await databaseSnapshot()).toEqual(before);
    }
  });

  it("refuses a requester whose address was never verified", async () => {
    const owner = await createTestUser({ emailVerified: false });
    const organizationId = await createTestOrganization("Unverified Internal", owner);
    await signInAs(owner.id);
    const before = await databaseSnapshot();
    const result = await requestToBecomeProvider(request(organizationId));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/Verify your email address/) });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("tells the demo's client owner why their organization cannot be the internal one", async () => {
    await signInAs(demo.users.owner2);
    const choices = await internalOrganizationChoices(await requireUser());
    expect(choices).toEqual([
      {
        id: demo.client2,
        name: "Second Client's Organization",
        problem: expect.stringMatching(/is a client of Demo MSP/),
      },
    ]);
  });

  it("lets the requester withdraw their own request, and nobody else", async () => {
    const { owner, requestId } = await submitted();
    await signInAs(demo.users.owner2);
    expect(await withdrawProviderRequestAction({ requestId })).toMatchObject({ ok: false });
    await signInAs(owner.id);
    expect(await withdrawProviderRequestAction({ requestId })).toEqual({ ok: true });
    const db = await getDb();
    const [row] = await db
      .select({ status: providerRequests.status })
      .from(providerRequests)
      .where(eq(providerRequests.id, requestId));
    expect(row?.status).toBe("withdrawn");
  });

  it("approves: a created provider with the internal organization marked and the requester its keyless first admin, mailed", async () => {
    const { owner, organizationId, requestId } = await submitted();
    await signInAs(operator.id);
    const result = await approveProviderRequestAction({ requestId });
    expect(result).toMatchObject({ ok: true, businessName: "Acme MSP" });
    if (!result.ok) return;
    const db = await getDb();
    const [provider] = await db.select().from(providers).where(eq(providers.id, result.providerId));
    expect(provider).toMatchObject({
      name: "Acme MSP",
      type: "msp",
      status: "created",
      billingEmail: "billing@acme.example",
      internalOrganizationId: organizationId,
    });
    expect(await db.select().from(providerUsers).where(eq(providerUsers.providerId, result.providerId))).toMatchObject([
      { userId: owner.id, type: "provider_admin", status: "confirmed", key: null },
    ]);
    const [decided] = await db.select().from(providerRequests).where(eq(providerRequests.id, requestId));
    expect(decided).toMatchObject({ status: "approved", providerId: result.providerId });
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "provider_request_approved"), eq(events.providerId, result.providerId)));
    expect(event).toMatchObject({ actingUserId: operator.id, organizationId, userId: owner.id });
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, owner.email));
    expect(mails.map((mail) => mail.subject)).toContain("Acme MSP is now a provider on Keyhouse");

    // Decided once: a second approval changes nothing.
    const before = await databaseSnapshot();
    expect(await approveProviderRequestAction({ requestId })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/already decided/),
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses to approve when the organization stopped qualifying meanwhile (here: disabled), with nothing written", async () => {
    const { organizationId, requestId } = await submitted();
    const db = await getDb();
    await db.update(organizations).set({ enabled: false }).where(eq(organizations.id, organizationId));
    await signInAs(operator.id);
    const before = await databaseSnapshot();
    expect(await approveProviderRequestAction({ requestId })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/is disabled/),
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("rejects with a reason the requester is mailed and sees", async () => {
    const { owner, requestId } = await submitted();
    await signInAs(operator.id);
    expect(await rejectProviderRequestAction({ requestId, reason: "We only onboard MSPs in the EU." })).toEqual({
      ok: true,
      businessName: "Acme MSP",
    });
    const db = await getDb();
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, owner.email), eq(mailOutbox.subject, "Your request to make Acme MSP a provider")));
    expect(mail?.text).toContain("We only onboard MSPs in the EU.");
    const [event] = await db
      .select()
      .from(events)
      .where(eq(events.type, "provider_request_rejected"))
      .orderBy(events.id);
    expect(event).toMatchObject({ actingUserId: operator.id, userId: owner.id });
    await signInAs(owner.id);
    expect(await findMyLatestProviderRequest(await requireUser())).toMatchObject({
      status: "rejected",
      reason: "We only onboard MSPs in the EU.",
    });
  });

  describe("the first admin's provider key", () => {
    async function approved() {
      const requested = await submitted();
      await signInAs(operator.id);
      const result = await approveProviderRequestAction({ requestId: requested.requestId });
      if (!result.ok) throw new Error(result.error);
      return { ...requested, providerId: result.providerId };
    }

    it("is made once, by their browser, and opens with their private key", async () => {
      const { owner, providerId } = await approved();
      await signInAs(owner.id);
      expect((await requireProviderScope(providerId, "provider.clients.view")).holdsKey).toBe(false);
      const providerKey = SymmetricKey.generate();
      const wrapped = await wrapSymmetricKeyForPublicKey(providerKey, owner.keys.publicKey);
      expect(await createProviderKeyAction({ providerId, key: wrapped })).toEqual({ ok: true });
      expect((await requireProviderScope(providerId, "provider.clients.view")).holdsKey).toBe(true);

      const db = await getDb();
      const [member] = await db
        .select({ key: providerUsers.key })
        .from(providerUsers)
        .where(eq(providerUsers.providerId, providerId));
      const privateKey = await unwrapPrivateKey(owner.keys.privateKey, owner.keys.userKey);
      expect((await unwrapSymmetricKeyWithPrivateKey(member!.key!, privateKey)).toBytes()).toEqual(
        providerKey.toBytes(),
      );

      // A second key would lock out the first: refused, with nothing written.
      const before = await databaseSnapshot();
      expect(await createProviderKeyAction({ providerId, key: FAKE_ENC_4 })).toMatchObject({
        ok: false,
        error: "This provider already has its key.",
      });
      expect(await databaseSnapshot()).toEqual(before);
    });

    it("comes before anything that wraps keys with it", async () => {
      const { owner, providerId } = await approved();
      const other = await createTestOrganization("Acme Other", owner);
      await signInAs(owner.id);
      const before = await databaseSnapshot();
      expect(await addExistingClientAction({ providerId, organizationId: other, key: FAKE_ENC_2 })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/Create your provider's encryption key first/),
      });
      expect(await databaseSnapshot()).toEqual(before);
    });

    it("cannot be made by another provider's admin or for a provider that has one", async () => {
      const { providerId } = await approved();
      await signInAs(demo.users.admin);
      expect(await createProviderKeyAction({ providerId, key: FAKE_ENC_4 })).toMatchObject({
        ok: false,
        code: "not_found",
      });
      expect(await createProviderKeyAction({ providerId: demo.providerId, key: FAKE_ENC_4 })).toMatchObject({
        ok: false,
        error: "This provider already has its key.",
      });
    });
  });

  it("never offers the internal organization as a client, and Settings offers only Enterprise organizations the admin owns", async () => {
    await signInAs(demo.users.admin);
    const addableIds = async () => {
      const listed = await listAddableOrganizationsAction({ providerId: demo.providerId });
      if (!listed.ok) throw new Error(listed.error);
      return listed.organizations.map((organization) => organization.id);
    };
    expect(await addableIds()).not.toContain(demo.internal);

    const teams = await createTestOrganization("Demo Teams Org", {
      id: demo.users.admin,
      email: "admin@demo-msp.example",
    } as TestUser);
    const db = await getDb();
    await db.update(organizations).set({ planType: "teams_monthly" }).where(eq(organizations.id, teams));
    expect(await addableIds()).toContain(teams);
    const before = await databaseSnapshot();
    expect(await setInternalOrganizationAction({ providerId: demo.providerId, organizationId: teams })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/on the Teams plan/),
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});
