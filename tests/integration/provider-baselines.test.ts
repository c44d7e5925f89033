import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyBaselineAction,
  updateBaselinePolicyAction,
  updateBaselineTargetAction,
} from "@/app/(portal)/providers/[providerId]/baseline/actions";
import { updatePolicyAction } from "@/app/(console)/organizations/[organizationId]/settings/policies/actions";
import { getDb } from "@/db/client";
import { events, organizationUsers, policies, providerOrganizations } from "@/db/schema";
import { requireProviderScope } from "@/lib/authz/scope";
import { listBaselineDrift } from "@/lib/dal/provider-baselines";
import { POLICY_DEFAULTS } from "@/lib/policies/types";
import {
  addTestMember,
  createTestOrganization,
  createTestProvider,
  createTestUser,
  type TestUser,
} from "../support/factories";
import { FAKE_ENC_2 } from "../support/fakes";
import { countQueries } from "../support/queries";
import { signInAs } from "../support/session";
import { addClientGroup, addServiceUser } from "../support/technician-scope";

/** Issue 16 part 3: a provider's policy baseline, its drift per client, and applying it. */

const PASSWORD = { ...POLICY_DEFAULTS.master_password, minLength: 14, requireNumbers: true };

describe("the policy baseline", () => {
  let admin: TestUser;
  let tech: TestUser;
  let providerId: string;
  const owners: Record<string, TestUser> = {};
  const clients: Record<string, string> = {};
  let uncovered: string;
  let foreign: string;
  let memberWithoutTwoStep: string;
  let clinics: string;

  async function linkClient(name: string): Promise<string> {
    const owner = await createTestUser({ name: `${name} Owner` });
    const organizationId = await createTestOrganization(name, owner);
    owners[organizationId] = owner;
    const db = await getDb();
    await db.insert(providerOrganizations).values({ providerId, organizationId, key: FAKE_ENC_2 });
    return organizationId;
  }

  async function drift() {
    await signInAs(admin.id);
    const { clients: rows } = await listBaselineDrift(
      await requireProviderScope(providerId, "provider.baseline.manage"),
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.drift.overall]));
  }

  async function policyOf(organizationId: string, type: "master_password" | "two_factor_authentication") {
    const db = await getDb();
    const [row] = await db
      .select({ enabled: policies.enabled, data: policies.data })
      .from(policies)
      .where(and(eq(policies.organizationId, organizationId), eq(policies.type, type)));
    return row;
  }

  async function baselineEventsIn(organizationId: string) {
    const db = await getDb();
    return db
      .select({ type: events.type, providerId: events.providerId, details: events.details })
      .from(events)
      .where(and(eq(events.organizationId, organizationId), eq(events.type, "policy_updated")));
  }

  beforeAll(async () => {
    admin = await createTestUser({ name: "Baseline Admin" });
    providerId = (await createTestProvider(admin, "Baseline MSP")).id;
    clients.alpha = await linkClient("Alpha Dental");
    clients.bravo = await linkClient("Bravo Law");
    clients.charlie = await linkClient("Charlie Clinic");
    uncovered = await linkClient("Delta Uncovered");
    clinics = await addClientGroup(providerId, "Clinics", [clients.charlie]);
    const otherAdmin = await createTestUser();
    const other = (await createTestProvider(otherAdmin, "Elsewhere MSP")).id;
    foreign = await createTestOrganization("Foreign Client", await createTestUser());
    const db = await getDb();
    await db.insert(providerOrganizations).values({ providerId: other, organizationId: foreign, key: FAKE_ENC_2 });
    memberWithoutTwoStep = await addTestMember(clients.alpha, await createTestUser(), "user");
    tech = await createTestUser({ name: "Baseline Tech" });
    await addServiceUser(providerId, tech);
  });

  it("starts empty, covering nobody, and only provider admins may define it", async () => {
    expect(await drift()).toEqual({});
    await signInAs(tech.id);
    const refused = await updateBaselinePolicyAction({ providerId, type: "single_org", enabled: true, data: null });
    expect(refused).toMatchObject({ ok: false, code: "not_found" });
  });

  it("covers the chosen clients and a group's clients, and every covered client misses a new policy", async () => {
    await signInAs(admin.id);
    expect(
      await updateBaselinePolicyAction({ providerId, type: "master_password", enabled: true, data: PASSWORD }),
    ).toMatchObject({ ok: true });
    expect(
      await updateBaselinePolicyAction({ providerId, type: "two_factor_authentication", enabled: true, data: null }),
    ).toMatchObject({ ok: true });
    expect(
      await updateBaselineTargetAction({
        providerId,
        allClients: false,
        clientIds: [clients.alpha!, clients.bravo!],
        groupIds: [clinics],
      }),
    ).toMatchObject({ ok: true });
    expect(await drift()).toEqual({ "Alpha Dental": "missing", "Bravo Law": "missing", "Charlie Clinic": "missing" });
  });

  it("refuses another provider's client as a target or to apply to, and a client it does not cover, writing nothing", async () => {
    await signInAs(admin.id);
    const target = await updateBaselineTargetAction({
      providerId,
      allClients: false,
      clientIds: [foreign],
      groupIds: [],
    });
    expect(target).toMatchObject({ ok: false, code: "not_found" });
    for (const organizationId of [foreign, uncovered]) {
      expect(await applyBaselineAction({ providerId, organizationId })).toMatchObject({ ok: false, code: "not_found" });
      expect(await policyOf(organizationId, "master_password")).toBeUndefined();
    }
    expect(Object.keys(await drift())).toHaveLength(3);
  });

  it("applies to every drifting client: policies on, in each client's log with the provider, bound members without two-step login revoked", async () => {
    await signInAs(admin.id);
    expect(await applyBaselineAction({ providerId })).toMatchObject({ ok: true, clients: 3, policies: 6, revoked: 1 });
    expect(await drift()).toEqual({ "Alpha Dental": "matches", "Bravo Law": "matches", "Charlie Clinic": "matches" });
    expect(await policyOf(clients.alpha!, "master_password")).toEqual({ enabled: true, data: PASSWORD });
    const logged = await baselineEventsIn(clients.bravo!);
    expect(logged).toHaveLength(2);
    for (const event of logged) expect(event).toMatchObject({ providerId, details: { enabled: true, baseline: true } });
    const db = await getDb();
    const [revoked] = await db
      .select({ status: organizationUsers.status })
      .from(organizationUsers)
      .where(eq(organizationUsers.id, memberWithoutTwoStep));
    expect(revoked!.status).toBe("revoked");
    expect(await policyOf(uncovered, "master_password")).toBeUndefined();
  });

  it("shows a weakened client as weaker and a stricter one as stronger; applying raises the first and keeps the second", async () => {
    await signInAs(owners[clients.bravo!]!.id);
    const weaker = { ...PASSWORD, minLength: 12 };
    const stricter = { ...PASSWORD, minLength: 20, requireSpecial: true };
    expect(
      await updatePolicyAction({
        organizationId: clients.bravo!,
        type: "master_password",
        enabled: true,
        data: weaker,
      }),
    ).toMatchObject({ ok: true });
    await signInAs(owners[clients.charlie!]!.id);
    expect(
      await updatePolicyAction({
        organizationId: clients.charlie!,
        type: "master_password",
        enabled: true,
        data: stricter,
      }),
    ).toMatchObject({ ok: true });
    expect(await drift()).toEqual({ "Alpha Dental": "matches", "Bravo Law": "weaker", "Charlie Clinic": "stronger" });

    const charlieEvents = (await baselineEventsIn(clients.charlie!)).length;
    expect(await applyBaselineAction({ providerId })).toMatchObject({ ok: true, clients: 1, policies: 1 });
    expect(await drift()).toEqual({ "Alpha Dental": "matches", "Bravo Law": "matches", "Charlie Clinic": "stronger" });
    expect((await policyOf(clients.charlie!, "master_password"))!.data).toEqual(stricter);
    expect(await baselineEventsIn(clients.charlie!)).toHaveLength(charlieEvents);
  });

  it("reads the drift of every covered client in two statements, however many there are", async () => {
    await signInAs(admin.id);
    const scope = await requireProviderScope(providerId, "provider.baseline.manage");
    expect(await countQueries(() => listBaselineDrift(scope))).toBe(2);
  });
});
