import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  cancelMoveAsOwnerAction,
  claimMoveAction,
} from "@/app/(console)/organizations/[organizationId]/settings/provider/actions";
import {
  cancelMoveAsProviderAction,
  completeMoveAction,
  issueMoveCodeAction,
} from "@/app/(portal)/providers/[providerId]/clients/move-actions";
import { getDb } from "@/db/client";
import {
  clientMoves,
  events,
  mailOutbox,
  organizations,
  providerAccessRequests,
  providerOrganizations,
  providerPlans,
  providerWebhookDeliveries,
} from "@/db/schema";
import { requireOrgScope } from "@/lib/authz/scope";
import { encryptBytes, moveVerifier, newMoveSecret, type SymmetricKey } from "@/lib/crypto";
import { type DemoIds, loadDemo } from "../support/demo";
import {
  addTestMember,
  createTestOrganization,
  createTestProvider,
  createTestUser,
  type TestUser,
} from "../support/factories";
import { createProviderWebhookAction } from "@/app/(portal)/providers/[providerId]/api-keys/actions";
import { FAKE_ENC_2 } from "../support/fakes";
import { signInAs } from "../support/session";
import { answerRequest, askForItems, servedItemIds } from "../support/provider-access";

/** Issue 15, part 3: a client moves from one provider to another; the old one is out in the same transaction. */

describe("moving a client to another provider", () => {
  let demo: DemoIds;
  let newAdmin: TestUser;
  let newProvider: { id: string; key: SymmetricKey };

  /** As the new provider's admin: a move code; answers the move's id and the secret's verifier. */
  async function issue() {
    const secret = newMoveSecret();
    await signInAs(newAdmin.id);
    const result = await issueMoveCodeAction({
      providerId: newProvider.id,
      secret: await encryptBytes(secret, newProvider.key),
      verifier: await moveVerifier(secret),
    });
    expect(result).toMatchObject({ ok: true });
    return { moveId: (result as { moveId: string }).moveId, verifier: await moveVerifier(secret) };
  }

  async function claim(userId: string, organizationId: string, code: { moveId: string; verifier: string }) {
    await signInAs(userId);
    return claimMoveAction({ organizationId, ...code, transferKey: FAKE_ENC_2 });
  }

  async function complete(moveId: string) {
    await signInAs(newAdmin.id);
    return completeMoveAction({ providerId: newProvider.id, moveId, key: FAKE_ENC_2 });
  }

  async function allocated(providerId: string): Promise<number> {
    const db = await getDb();
    const [plan] = await db
      .select({ allocated: providerPlans.allocatedSeats })
      .from(providerPlans)
      .where(and(eq(providerPlans.providerId, providerId), eq(providerPlans.planType, "enterprise_monthly")));
    return plan?.allocated ?? 0;
  }

  async function eventTypes(where: { providerId?: string; organizationId?: string }): Promise<string[]> {
    const db = await getDb();
    const rows = await db
      .select({ type: events.type })
      .from(events)
      .where(
        where.providerId ? eq(events.providerId, where.providerId) : eq(events.organizationId, where.organizationId!),
      );
    return rows.map((row) => row.type);
  }

  async function keyMaterial(moveId: string) {
    const db = await getDb();
    const [row] = await db
      .select({ secret: clientMoves.secret, transferKey: clientMoves.transferKey })
      .from(clientMoves)
      .where(eq(clientMoves.id, moveId));
    return row;
  }

  async function mailsTo(to: string): Promise<string[]> {
    const db = await getDb();
    const rows = await db.select({ subject: mailOutbox.subject }).from(mailOutbox).where(eq(mailOutbox.to, to));
    return rows.map((row) => row.subject);
  }

  async function reaches(userId: string, organizationId: string): Promise<boolean> {
    await signInAs(userId);
    return requireOrgScope(organizationId, "org.console.access").then(
      () => true,
      () => false,
    );
  }

  beforeAll(async () => {
    demo = await loadDemo();
    newAdmin = await createTestUser({ name: "Nia New" });
    newProvider = await createTestProvider(newAdmin, "New MSP");
  });

  it("moves the demo's first client: new link and key, the old provider out at once, seats and events on three sides", async () => {
    const seatsBefore = { old: await allocated(demo.providerId), new: await allocated(newProvider.id) };
    // Demo MSP's technician reads the client's items through a grant until the move.
    const requestId = await askForItems(demo.users.tech, demo.client1);
    expect(
      await answerRequest(demo.users.owner1, demo.client1, requestId, {
        decision: "approve",
        access: "view",
        minutes: 60,
      }),
    ).toEqual({ ok: true });
    expect((await servedItemIds(demo.users.tech, demo.client1)).length).not.toBe(0);
    const code = await issue();
    expect(await claim(demo.users.owner1, demo.client1, code)).toEqual({ ok: true, toProviderName: "New MSP" });
    // Until the new provider completes it, nothing has moved.
    expect(await reaches(demo.users.admin, demo.client1)).toBe(true);
    expect(await reaches(newAdmin.id, demo.client1)).toBe(false);

    // Every owner hears of it at once, so one who did not want it can cancel it in time.
    expect(await mailsTo("owner@client1.example")).toContain("My Client's Organization is moving to New MSP");
    expect(await keyMaterial(code.moveId)).toEqual({ secret: expect.any(String), transferKey: FAKE_ENC_2 });

    await signInAs(newAdmin.id);
    expect(
      await createProviderWebhookAction({ providerId: newProvider.id, url: "https://psa.example.com/hook" }),
    ).toMatchObject({ ok: true });
    expect(await complete(code.moveId)).toEqual({ ok: true, organizationId: demo.client1 });
    // The new provider's PSA hears of its new client.
    const queued = await (
      await getDb()
    )
      .select({ payload: providerWebhookDeliveries.payload })
      .from(providerWebhookDeliveries);
    expect(queued.map(({ payload }) => payload)).toEqual([
      expect.objectContaining({
        type: "client.created",
        providerId: newProvider.id,
        data: { clientId: demo.client1, name: "My Client's Organization", movedIn: true },
      }),
    ]);
    // The finished move keeps no key material; a second completion is told it is done.
    expect(await keyMaterial(code.moveId)).toEqual({ secret: null, transferKey: null });
    expect(await complete(code.moveId)).toMatchObject({ ok: false, error: "This move is already complete." });
    expect(await reaches(demo.users.admin, demo.client1)).toBe(false);
    expect(await reaches(demo.users.tech, demo.client1)).toBe(false);
    expect(await reaches(newAdmin.id, demo.client1)).toBe(true);
    // The old provider's item grant went with its link.
    expect((await servedItemIds(demo.users.tech, demo.client1)).length).toBe(0);
    const db = await getDb();
    expect(
      await db
        .select({ id: providerAccessRequests.id })
        .from(providerAccessRequests)
        .where(eq(providerAccessRequests.organizationId, demo.client1)),
    ).toEqual([]);
    const links = await db
      .select({ providerId: providerOrganizations.providerId, key: providerOrganizations.key })
      .from(providerOrganizations)
      .where(eq(providerOrganizations.organizationId, demo.client1));
    expect(links).toEqual([{ providerId: newProvider.id, key: FAKE_ENC_2 }]);
    // The bill goes to the new provider's billing email, no longer to Demo MSP's.
    const [billed] = await db
      .select({ billingEmail: organizations.billingEmail })
      .from(organizations)
      .where(eq(organizations.id, demo.client1));
    expect(billed).toEqual({ billingEmail: newAdmin.email });
    expect(await allocated(demo.providerId)).toBe(seatsBefore.old - 3);
    expect(await allocated(newProvider.id)).toBe(seatsBefore.new + 3);

    expect(await eventTypes({ organizationId: demo.client1 })).toEqual(
      expect.arrayContaining(["client_move_started", "client_move_completed"]),
    );
    expect(await eventTypes({ providerId: demo.providerId })).toEqual(
      expect.arrayContaining(["client_move_announced", "client_moved_away"]),
    );
    expect(await eventTypes({ providerId: newProvider.id })).toEqual(
      expect.arrayContaining(["client_move_code_issued", "client_move_code_entered", "client_move_completed"]),
    );
    const told = await db.select({ to: mailOutbox.to, subject: mailOutbox.subject }).from(mailOutbox);
    expect(told).toEqual(
      expect.arrayContaining([
        { to: "admin@demo-msp.example", subject: "My Client's Organization is moving to another provider" },
        { to: "admin@demo-msp.example", subject: "My Client's Organization moved to New MSP" },
        { to: newAdmin.email, subject: "My Client's Organization entered New MSP's move code" },
        { to: "owner@client1.example", subject: "My Client's Organization moved to New MSP" },
      ]),
    );
  });

  it("takes a code once, whole, unexpired, and never for the provider that already manages the organization", async () => {
    const code = await issue();
    const refused = { ok: false, code: "rejected", error: expect.stringMatching(/^This move code is not valid/) };
    expect(
      await claim(demo.users.owner2, demo.client2, { ...code, verifier: await moveVerifier(newMoveSecret()) }),
    ).toMatchObject(refused);
    const db = await getDb();
    await db
      .update(clientMoves)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(clientMoves.id, code.moveId));
    expect(await claim(demo.users.owner2, demo.client2, code)).toMatchObject(refused);

    const fresh = await issue();
    expect(await claim(demo.users.owner2, demo.client2, fresh)).toMatchObject({ ok: true });
    const again = await issue();
    // One move under way per organization; the used code is not taken twice either.
    expect(await claim(demo.users.owner2, demo.client2, again)).toMatchObject({
      ok: false,
      error: "A move of this organization is already under way. Cancel it first.",
    });
    expect(await claim(demo.users.owner3, demo.client3, fresh)).toMatchObject(refused);
    await signInAs(demo.users.owner2);
    expect(await cancelMoveAsOwnerAction({ organizationId: demo.client2, moveId: fresh.moveId })).toEqual({ ok: true });
    expect(await complete(fresh.moveId)).toMatchObject({ ok: false, error: "This move was cancelled." });
    expect(await keyMaterial(fresh.moveId)).toEqual({ secret: null, transferKey: null });
    // Both providers hear that the owner called it off.
    expect(await mailsTo(newAdmin.email)).toContain(
      "The move of Second Client's Organization to New MSP was cancelled",
    );
    expect(await mailsTo("admin@demo-msp.example")).toContain(
      "The move of Second Client's Organization to New MSP was cancelled",
    );
    expect(await complete(again.moveId)).toMatchObject({
      ok: false,
      error: "The organization's owner has not entered this code yet.",
    });

    // A provider's own internal organization is never anyone's client (its owner is Demo MSP's admin).
    expect(await claim(demo.users.admin, demo.internal, await issue())).toMatchObject({
      ok: false,
      error: "A provider's internal organization cannot be a client.",
    });

    // The first client moved to New MSP in the test above: New MSP's code is refused for it.
    const own = await issue();
    expect(await claim(demo.users.owner1, demo.client1, own)).toMatchObject({
      ok: false,
      error: "New MSP already manages this organization.",
    });
  });

  it("is the owners' alone: provider members and client admins cannot move a client, another provider cannot complete", async () => {
    const code = await issue();
    // Demo MSP's admin acts as an owner in its client's console, but never moves the client.
    expect(await claim(demo.users.admin, demo.client3, code)).toMatchObject({ ok: false, code: "not_found" });
    const clientAdmin = await createTestUser({ name: "Ada Admin" });
    await addTestMember(demo.client3, clientAdmin, "admin");
    expect(await claim(clientAdmin.id, demo.client3, code)).toMatchObject({ ok: false, code: "not_found" });
    const otherAdmin = await createTestUser({ name: "Omar Other" });
    const other = await createTestProvider(otherAdmin, "Third MSP");
    expect(await claim(demo.users.owner3, demo.client3, code)).toMatchObject({ ok: true });
    await signInAs(otherAdmin.id);
    expect(await completeMoveAction({ providerId: other.id, moveId: code.moveId, key: FAKE_ENC_2 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await cancelMoveAsProviderAction({ providerId: other.id, moveId: code.moveId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    await signInAs(newAdmin.id);
    expect(await cancelMoveAsProviderAction({ providerId: newProvider.id, moveId: code.moveId })).toEqual({ ok: true });
    expect(await reaches(demo.users.admin, demo.client3)).toBe(true);
    // The owner who entered the code hears the new provider called it off.
    expect(await mailsTo("owner@client3.example")).toContain(
      "The move of Third Client's Organization to New MSP was cancelled",
    );
    expect(await eventTypes({ providerId: demo.providerId })).toContain("client_move_cancelled");
  });

  it("waits for the operator's notice period before the new provider may complete it", async () => {
    vi.stubEnv("KEYHOUSE_CLIENT_MOVE_NOTICE_HOURS", "24");
    try {
      const owner = await createTestUser({ name: "Nora Notice" });
      const organizationId = await createTestOrganization("Notice Practice", owner, 2);
      const code = await issue();
      expect(await claim(owner.id, organizationId, code)).toMatchObject({ ok: true });
      expect(await complete(code.moveId)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^The notice period runs until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$/),
      });
      expect(await reaches(newAdmin.id, organizationId)).toBe(false);
      const db = await getDb();
      await db
        .update(clientMoves)
        .set({ claimedAt: new Date(Date.now() - 25 * 3_600_000) })
        .where(eq(clientMoves.id, code.moveId));
      expect(await complete(code.moveId)).toMatchObject({ ok: true });
      expect(await reaches(newAdmin.id, organizationId)).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("completes when the old provider let the client go meanwhile, and refuses when another provider took it", async () => {
    const owner = await createTestUser({ name: "Lena Left" });
    const organizationId = await createTestOrganization("Left Practice", owner, 2);
    const oldAdmin = await createTestUser({ name: "Otto Old" });
    const old = await createTestProvider(oldAdmin, "Old MSP");
    const db = await getDb();
    await db.insert(providerOrganizations).values({ providerId: old.id, organizationId, key: FAKE_ENC_2 });
    const code = await issue();
    expect(await claim(owner.id, organizationId, code)).toMatchObject({ ok: true });
    await db.delete(providerOrganizations).where(eq(providerOrganizations.organizationId, organizationId));
    expect(await complete(code.moveId)).toMatchObject({ ok: true });
    expect(await reaches(newAdmin.id, organizationId)).toBe(true);

    const other = await createTestOrganization("Taken Practice", owner, 2);
    const taken = await issue();
    expect(await claim(owner.id, other, taken)).toMatchObject({ ok: true });
    await db.insert(providerOrganizations).values({ providerId: old.id, organizationId: other, key: FAKE_ENC_2 });
    expect(await complete(taken.moveId)).toMatchObject({
      ok: false,
      error:
        "The organization's provider changed after its owner entered the code. Cancel this move and issue a new code.",
    });
    expect(await reaches(newAdmin.id, other)).toBe(false);
  });

  it("gives an organization without a provider its first one", async () => {
    const owner = await createTestUser({ name: "Solo Owner" });
    const organizationId = await createTestOrganization("Solo Practice", owner, 4);
    const code = await issue();
    expect(await claim(owner.id, organizationId, code)).toMatchObject({ ok: true });
    expect(await complete(code.moveId)).toMatchObject({ ok: true });
    expect(await reaches(newAdmin.id, organizationId)).toBe(true);
  });
});
