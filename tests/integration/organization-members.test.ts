import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/app/(auth)/accept/actions";
import {
  confirmOrganizationMembersAction,
  inviteOrganizationMembersAction,
  removeOrganizationMembersAction,
} from "@/app/(console)/organizations/[organizationId]/members/actions";
import { updateClientAction } from "@/app/(portal)/providers/[providerId]/clients/actions";
import { getDb } from "@/db/client";
import { mailOutbox, organizations, organizationUsers } from "@/db/schema";
import { type SymmetricKey, wrapSymmetricKeyForPublicKey } from "@/lib/crypto";
import { PROVIDER_SEAT_LIMIT_MESSAGE } from "@/lib/dal/organization-members";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestUser, uniqueEmail } from "../support/factories";
import { clientKeyOf, memberOrganizationKey, providerKeyOf, unlockAs } from "../support/keys";
import { signInAs } from "../support/session";

async function organizationToken(email: string): Promise<string> {
  const db = await getDb();
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
  return mail!.text.match(/\/accept\/organization\?token=([A-Za-z0-9_-]{43})/)![1]!;
}

let demo: DemoIds;
let providerKey: SymmetricKey;

beforeAll(async () => {
  demo = await loadDemo();
  providerKey = await providerKeyOf(await unlockAs("admin@demo-msp.example", "keyhouse-demo"), demo.providerId);
});

describe("organization members in a client's console", () => {
  it("a provider member invites, the invitee accepts, and the provider member confirms them with the client's key", async () => {
    const newcomer = await createTestUser({ email: uniqueEmail("client3-user") });
    await signInAs(demo.users.tech);
    expect(
      await inviteOrganizationMembersAction({ organizationId: demo.client3, emails: newcomer.email, type: "user" }),
    ).toEqual({ ok: true, invited: 1 });
    await signInAs(newcomer.id);
    expect(
      await acceptInvitation({ kind: "organization", token: await organizationToken(newcomer.email) }),
    ).toMatchObject({ ok: true, redirectTo: "/vault" });
    const db = await getDb();
    const [row] = await db.select().from(organizationUsers).where(eq(organizationUsers.email, newcomer.email));
    expect(row).toMatchObject({ status: "accepted", userId: newcomer.id });

    await signInAs(demo.users.tech);
    const organizationKey = await clientKeyOf(providerKey, demo.client3);
    const key = await wrapSymmetricKeyForPublicKey(organizationKey, newcomer.keys.publicKey);
    expect(
      await confirmOrganizationMembersAction({ organizationId: demo.client3, confirmations: [{ id: row!.id, key }] }),
    ).toEqual({ ok: true, confirmed: 1 });
    const unlocked = await unlockAs(newcomer.email, newcomer.password);
    expect((await memberOrganizationKey(unlocked, demo.client3)).toBytes()).toEqual(organizationKey.toBytes());
  });

  it("refuses invitations past the assigned seats with the provider's message, and writes nothing", async () => {
    // "Third Client's Organization" has 2 seats and both are now used.
    await signInAs(demo.users.owner3);
    const before = await databaseSnapshot();
    const result = await inviteOrganizationMembersAction({
      organizationId: demo.client3,
      emails: uniqueEmail("over"),
      type: "user",
    });
    expect(result).toMatchObject({ ok: false, error: PROVIDER_SEAT_LIMIT_MESSAGE });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("gives an organization without a provider its own seat message", async () => {
    await signInAs(demo.users.admin);
    const emails = Array.from({ length: 9 }, () => uniqueEmail("internal")).join(",");
    const result = await inviteOrganizationMembersAction({ organizationId: demo.internal, emails, type: "user" });
    expect(result).toMatchObject({ ok: false, error: "Your organization has only 8 seats left." });
  });

  it("keeps plain members out, and keeps a confirmed owner", async () => {
    await signInAs(demo.users.user1);
    expect(
      await inviteOrganizationMembersAction({ organizationId: demo.client1, emails: uniqueEmail("x"), type: "user" }),
    ).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(demo.users.admin);
    const db = await getDb();
    const [owner] = await db
      .select({ id: organizationUsers.id })
      .from(organizationUsers)
      .where(and(eq(organizationUsers.organizationId, demo.client2), eq(organizationUsers.type, "owner")));
    const before = await databaseSnapshot();
    expect(
      await removeOrganizationMembersAction({ organizationId: demo.client2, memberIds: [owner!.id] }),
    ).toMatchObject({
      ok: false,
      error: "An organization needs at least one confirmed owner.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("seats under concurrency", () => {
  async function usedAndAssigned(organizationId: string) {
    const db = await getDb();
    const rows = await db
      .select({ status: organizationUsers.status })
      .from(organizationUsers)
      .where(eq(organizationUsers.organizationId, organizationId));
    const [organization] = await db
      .select({ seats: organizations.seats })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    return { used: rows.filter((row) => row.status !== "revoked").length, assigned: organization!.seats };
  }

  it("20 simultaneous invitations fill exactly the free seats", async () => {
    await signInAs(demo.users.admin);
    // "Second Client's Organization": 3 seats, 1 used.
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        inviteOrganizationMembersAction({ organizationId: demo.client2, emails: uniqueEmail("race"), type: "user" }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(2);
    for (const failure of results.filter((result) => !result.ok))
      expect(failure).toMatchObject({ error: PROVIDER_SEAT_LIMIT_MESSAGE });
    expect(await usedAndAssigned(demo.client2)).toEqual({ used: 3, assigned: 3 });
  });

  it("20 simultaneous seat reductions and invitations never leave Used above Assigned", async () => {
    await signInAs(demo.users.admin);
    const db = await getDb();
    await db.update(organizations).set({ seats: 12 }).where(eq(organizations.id, demo.client3));
    const requests = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0
        ? updateClientAction({
            providerId: demo.providerId,
            organizationId: demo.client3,
            name: "Third Client's Organization",
            seats: 2 + (index % 5),
          })
        : inviteOrganizationMembersAction({ organizationId: demo.client3, emails: uniqueEmail("mixed"), type: "user" }),
    );
    const results = await Promise.all(requests);
    expect(results.some((result) => result.ok)).toBe(true);
    const { used, assigned } = await usedAndAssigned(demo.client3);
    expect(used).toBeLessThanOrEqual(assigned);
  });
});
