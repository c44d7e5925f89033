import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import ProviderDashboardPage from "@/app/(portal)/providers/[providerId]/page";
import { getDb } from "@/db/client";
import { events, providerOrganizations, users } from "@/db/schema";
import { requireProviderScope } from "@/lib/authz/scope";
import { getProviderDashboard, listMembersToConfirm } from "@/lib/dal/provider-dashboard";
import {
  addTestMember,
  createTestOrganization,
  createTestProvider,
  createTestUser,
  type TestUser,
} from "../support/factories";
import { FAKE_ENC_2 } from "../support/fakes";
import { signInAs } from "../support/session";
import { addServiceUser, scopeMember } from "../support/technician-scope";

/** Issue 16 part 1: the Provider Portal's home, figures over the clients in the caller's reach. */

describe("the provider dashboard", () => {
  let admin: TestUser;
  let tech: TestUser;
  let providerId: string;
  let busy: string;
  let full: string;
  let busyUser: TestUser;

  /** Two-step login on, straight in the database (a secret and a recovery code hash come with it). */
  async function withTwoStep(user: TestUser) {
    const db = await getDb();
    await db
      .update(users)
      .set({
        twoFactorSecret: "JBSWY3DPEHPK3PXP",
        twoFactorRecoveryCodeHash: "0".repeat(64),
        twoFactorEnabledAt: new Date(),
      })
      .where(eq(users.id, user.id));
  }

  beforeAll(async () => {
    admin = await createTestUser({ name: "Dash Admin" });
    providerId = (await createTestProvider(admin, "Dash MSP")).id;
    const owner = await createTestUser({ name: "Busy Owner" });
    busyUser = await createTestUser({ name: "Busy User", email: "busy.user@busy.example" });
    busy = await createTestOrganization("Busy Dental", owner, 10);
    await addTestMember(busy, busyUser, "user");
    await addTestMember(busy, await createTestUser(), "user", "accepted");
    await addTestMember(busy, await createTestUser(), "user", "invited");
    await addTestMember(busy, await createTestUser(), "user", "revoked");
    await withTwoStep(owner);
    const fullOwner = await createTestUser({ name: "Full Owner" });
    full = await createTestOrganization("Full Law", fullOwner, 2);
    await addTestMember(full, await createTestUser(), "user");
    await withTwoStep(fullOwner);
    const db = await getDb();
    await db.insert(providerOrganizations).values([
      { providerId, organizationId: busy, key: FAKE_ENC_2 },
      { providerId, organizationId: full, key: FAKE_ENC_2 },
    ]);
    tech = await createTestUser({ name: "Dash Tech" });
    await scopeMember(providerId, await addServiceUser(providerId, tech), { clients: [full] });
  });

  it("counts seats, invitations, members to confirm and members without two-step login over every client", async () => {
    await signInAs(admin.id);
    const dashboard = await getProviderDashboard(await requireProviderScope(providerId, "provider.clients.view"));
    // Busy Dental: owner (two-step), busy user, accepted, invited in use (the revoked one is not); Full Law: 2 of 2.
    expect(dashboard.totals).toEqual({
      clients: 2,
      seatsAssigned: 12,
      seatsUsed: 6,
      invited: 1,
      awaitingConfirmation: 1,
      members: 5,
      withoutTwoStep: 3,
      nearSeatLimit: 1,
    });
    expect(dashboard.bySeats.map((client) => [client.name, client.assigned, client.used])).toEqual([
      ["Busy Dental", 10, 4],
      ["Full Law", 2, 2],
    ]);
    // Lowest share of two-step login first: Busy Dental 1 of 3, Full Law 1 of 2.
    expect(dashboard.byTwoStep.map((client) => client.name)).toEqual(["Busy Dental", "Full Law"]);
    expect(dashboard.needsAttention.map((client) => [client.name, client.awaitingConfirmation])).toEqual([
      ["Busy Dental", 1],
      ["Full Law", 0],
    ]);
  });

  it("shows a scoped technician their clients only, and another provider's admin nothing", async () => {
    await signInAs(tech.id);
    const dashboard = await getProviderDashboard(await requireProviderScope(providerId, "provider.clients.view"));
    expect(dashboard.totals).toMatchObject({ clients: 1, seatsAssigned: 2, seatsUsed: 2, withoutTwoStep: 1 });
    expect(dashboard.bySeats.map((client) => client.name)).toEqual(["Full Law"]);

    const stranger = await createTestUser();
    await createTestProvider(stranger, "Stranger MSP");
    await signInAs(stranger.id);
    await expect(requireProviderScope(providerId, "provider.clients.view")).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });

  it("lists its clients' members' failed logins, and nobody else's, and links admins to the event log", async () => {
    const db = await getDb();
    const outsider = await createTestUser({ name: "Out Sider", email: "out.sider@else.example" });
    await db.insert(events).values([
      { type: "user_login_failed", actingUserId: busyUser.id, ip: "192.0.2.44" },
      { type: "user_login_failed", actingUserId: outsider.id },
      { type: "user_logged_in", actingUserId: busyUser.id },
    ]);
    await signInAs(admin.id);
    const html = renderToStaticMarkup(await ProviderDashboardPage({ params: Promise.resolve({ providerId }) }));
    expect(html).toContain("busy.user@busy.example");
    expect(html).toContain("192.0.2.44");
    expect(html).not.toContain("out.sider@else.example");
    expect(html).toContain("All failed logins in the event log");
    expect(html).toContain("Seats per client (most assigned)");
    // The technician reaches Full Law only: Busy Dental's member is not theirs to see.
    await signInAs(tech.id);
    const theirs = renderToStaticMarkup(await ProviderDashboardPage({ params: Promise.resolve({ providerId }) }));
    expect(theirs).not.toContain("busy.user@busy.example");
    expect(theirs).not.toContain("All failed logins in the event log");
    expect(theirs).toContain("No failed logins or lost two-step logins in your clients.");
  });

  // Last: it adds a member to confirm, which the figures above do not count.
  it("lists the members to confirm in the caller's reach, never the provider's own members nor the caller", async () => {
    const waiting = await createTestUser({ name: "Waiting Member" });
    await addTestMember(busy, waiting, "user", "accepted");
    const colleague = await createTestUser({ name: "Colleague Tech" });
    await addTestMember(busy, colleague, "user", "accepted");
    await addServiceUser(providerId, colleague);
    await addTestMember(busy, admin, "user", "accepted");

    await signInAs(admin.id);
    const listed = await listMembersToConfirm(await requireProviderScope(providerId, "provider.clients.view"));
    const emails = listed.map((member) => member.email);
    expect(emails).toContain(waiting.email);
    expect(emails).not.toContain(colleague.email);
    expect(emails).not.toContain(admin.email);
    expect(listed.every((member) => member.organizationId === busy && member.organizationName === "Busy Dental")).toBe(
      true,
    );
    expect(listed.find((member) => member.email === waiting.email)!.publicKey).toBe(waiting.keys.publicKey);

    // The technician reaches Full Law only, where nobody waits.
    await signInAs(tech.id);
    expect(await listMembersToConfirm(await requireProviderScope(providerId, "provider.clients.view"))).toEqual([]);
  });
});
