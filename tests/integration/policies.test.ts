import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { acceptInvitation } from "@/app/(auth)/accept/actions";
import { updatePolicyAction } from "@/app/(console)/organizations/[organizationId]/settings/policies/actions";
import PoliciesPage from "@/app/(console)/organizations/[organizationId]/settings/policies/page";
import { ToastProvider } from "@/components/ui/toast";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/authz/scope";
import { type CustomPermissions, events, organizationUsers, policies, providerOrganizations } from "@/db/schema";
import {
  assertSingleOrganizationAllows,
  listOrganizationPolicies,
  policiesForInvitation,
  policiesForUser,
} from "@/lib/dal/policies";
import { POLICY_TYPES } from "@/lib/enums";
import { POLICY_DEFAULTS } from "@/lib/policies/types";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import {
  addTestMember,
  createTestOrganization,
  createTestUser,
  inviteTestMember,
  type TestUser,
} from "../support/factories";
import { FAKE_ENC_2, FAKE_TOKEN } from "../support/fakes";
import { signInAs } from "../support/session";

// The page's dialogs use the App Router's router, which only a running app provides.
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => undefined, replace: () => undefined, push: () => undefined }),
}));

let demo: DemoIds;

/** The user's scope, as the pages hold it: signs in as them. */
async function scopeOf(userId: string) {
  await signInAs(userId);
  return requireUser();
}

beforeAll(async () => {
  demo = await loadDemo();
});

async function setPolicy(
  organizationId: string,
  type: (typeof POLICY_TYPES)[number],
  enabled: boolean,
  data: unknown = null,
) {
  const db = await getDb();
  await db
    .insert(policies)
    .values({ organizationId, type, enabled, data: data as Record<string, unknown> | null })
    .onConflictDoUpdate({
      target: [policies.organizationId, policies.type],
      set: { enabled, data: data as Record<string, unknown> | null },
    });
}

async function membershipStatus(organizationId: string, email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ status: organizationUsers.status })
    .from(organizationUsers)
    .where(and(eq(organizationUsers.organizationId, organizationId), eq(organizationUsers.email, email)));
  return row?.status;
}

describe("saving and listing policies", () => {
  it("lists all six policies, off with default options, before any is saved", async () => {
    await signInAs(demo.users.owner3);
    const { requireOrgScope } = await import("@/lib/authz/scope");
    const listed = await listOrganizationPolicies(await requireOrgScope(demo.client3, "org.policies.manage"));
    expect(listed.map((policy) => policy.type)).toEqual([...POLICY_TYPES]);
    expect(listed.every((policy) => policy.id === null && !policy.enabled)).toBe(true);
    expect(listed[0]!.data).toEqual(POLICY_DEFAULTS.master_password);
  });

  it("saves a policy once per organization and type, and records each save", async () => {
    await signInAs(demo.users.owner3);
    const data = { ...POLICY_DEFAULTS.master_password, minLength: 20, requireNumbers: true };
    expect(
      await updatePolicyAction({ organizationId: demo.client3, type: "master_password", enabled: true, data }),
    ).toEqual({ ok: true, type: "master_password", enabled: true });
    expect(
      await updatePolicyAction({
        organizationId: demo.client3,
        type: "master_password",
        enabled: false,
        data: { ...data, minLength: 24 },
      }),
    ).toMatchObject({ ok: true });

    const db = await getDb();
    const rows = await db.select().from(policies).where(eq(policies.organizationId, demo.client3));
    expect(rows).toMatchObject([{ type: "master_password", enabled: false, data: { ...data, minLength: 24 } }]);
    const logged = await db.select().from(events).where(eq(events.type, "policy_updated"));
    expect(logged).toMatchObject([
      {
        organizationId: demo.client3,
        actingUserId: demo.users.owner3,
        policyId: rows[0]!.id,
        providerId: null,
        details: { type: "master_password", enabled: true },
      },
      { policyId: rows[0]!.id, details: { type: "master_password", enabled: false } },
    ]);
  });

  it("lets the managing provider's members manage a client's policies, logged with the provider", async () => {
    await signInAs(demo.users.tech);
    expect(await updatePolicyAction({ organizationId: demo.client3, type: "single_org", enabled: true })).toMatchObject(
      { ok: true },
    );
    const db = await getDb();
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "policy_updated"), eq(events.actingUserId, demo.users.tech)));
    expect(event).toMatchObject({
      organizationId: demo.client3,
      providerId: demo.providerId,
      details: { type: "single_org", enabled: true },
    });
    await updatePolicyAction({ organizationId: demo.client3, type: "single_org", enabled: false });
  });

  it.each([
    ["a length below 12", { minLength: 8 }, { "data.minLength": "Minimum length must be at least 12." }],
    ["a complexity above 4", { minComplexity: 5 }, { "data.minComplexity": "Minimum complexity must be at most 4." }],
    ["a missing length", { minLength: "" }, { "data.minLength": "Enter the minimum length." }],
  ])("refuses %s with a field error and writes nothing", async (_case, change, fieldErrors) => {
    await signInAs(demo.users.owner3);
    const before = await databaseSnapshot();
    const result = await updatePolicyAction({
      organizationId: demo.client3,
      type: "master_password",
      enabled: true,
      data: { ...POLICY_DEFAULTS.master_password, ...change },
    } as never);
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses generator options out of range, and an unknown policy, writing nothing", async () => {
    await signInAs(demo.users.owner3);
    const before = await databaseSnapshot();
    const generator = await updatePolicyAction({
      organizationId: demo.client3,
      type: "password_generator",
      enabled: true,
      data: { ...POLICY_DEFAULTS.password_generator, minWords: 2, minNumbers: 10 },
    });
    expect(generator).toMatchObject({
      ok: false,
      error: "Some fields need attention.",
      fieldErrors: {
        "data.minWords": "Minimum number of words must be at least 3.",
        "data.minNumbers": "Minimum numbers must be at most 9.",
      },
    });
    expect(
      await updatePolicyAction({ organizationId: demo.client3, type: "maximum_vault_timeout", enabled: true } as never),
    ).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("renders the page for the console, and is not found for a plain member", async () => {
    await signInAs(demo.users.owner1);
    const html = renderToStaticMarkup(
      createElement(
        ToastProvider,
        null,
        await PoliciesPage({ params: Promise.resolve({ organizationId: demo.client1 }) }),
      ),
    );
    for (const name of [
      "Master password requirements",
      "Password generator",
      "Single organization",
      "Remove individual vault",
      "Remove individual vault export",
      "Require two-step login",
    ]) {
      expect(html).toContain(name);
    }
    await signInAs(demo.users.user1);
    await expect(PoliciesPage({ params: Promise.resolve({ organizationId: demo.client1 }) })).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/),
    });
  });
});

describe("policies that apply to a user", () => {
  let owner: TestUser;
  let organizationId: string;
  const members: Record<string, TestUser> = {};

  beforeAll(async () => {
    owner = await createTestUser({ name: "Policy Owner" });
    organizationId = await createTestOrganization("Policy Org", owner);
    const managePolicies = { managePolicies: true } as Partial<CustomPermissions>;
    for (const [key, role, status, permissions] of [
      ["user", "user", "confirmed", null],
      ["accepted", "user", "accepted", null],
      ["admin", "admin", "confirmed", null],
      ["custom", "custom", "confirmed", managePolicies],
      ["revoked", "user", "revoked", null],
    ] as const) {
      members[key] = await createTestUser({ name: key });
      await addTestMember(organizationId, members[key], role, status, permissions);
    }
    await setPolicy(organizationId, "master_password", true, { ...POLICY_DEFAULTS.master_password, minLength: 16 });
    await setPolicy(organizationId, "password_generator", true, {
      ...POLICY_DEFAULTS.password_generator,
      minLength: 20,
    });
    await setPolicy(organizationId, "single_org", true);
    await setPolicy(organizationId, "personal_ownership", true);
    await setPolicy(organizationId, "disable_personal_vault_export", true);
    await setPolicy(organizationId, "two_factor_authentication", false);
  });

  const typesOf = async (user: TestUser) =>
    (await policiesForUser(await scopeOf(user.id))).applied.map((policy) => policy.type).sort();

  it("binds accepted and confirmed members to every enabled policy", async () => {
    const expected = [
      "disable_personal_vault_export",
      "master_password",
      "password_generator",
      "personal_ownership",
      "single_org",
    ];
    expect(await typesOf(members.user!)).toEqual(expected);
    expect(await typesOf(members.accepted!)).toEqual(expected);
    expect(await policiesForUser(await scopeOf(members.user!.id))).toMatchObject({
      masterPassword: { minLength: 16 },
      generator: { password: { minLength: 20 } },
      singleOrganization: true,
      personalOwnership: true,
      personalVaultExportDisabled: true,
      twoStepLoginRequired: false,
    });
  });

  it("exempts owners and admins from all but the master password and generator", async () => {
    expect(await typesOf(owner)).toEqual(["master_password", "password_generator"]);
    expect(await typesOf(members.admin!)).toEqual(["master_password", "password_generator"]);
  });

  it("exempts Custom members who manage policies only from the individual vault export policy", async () => {
    expect(await typesOf(members.custom!)).toEqual([
      "master_password",
      "password_generator",
      "personal_ownership",
      "single_org",
    ]);
  });

  it("leaves revoked members and strangers outside", async () => {
    expect(await typesOf(members.revoked!)).toEqual([]);
    expect((await policiesForUser(await scopeOf(demo.users.owner2))).applied).toEqual([]);
  });

  it("exempts members of the managing provider from what binds owners' peers", async () => {
    const db = await getDb();
    await db.insert(providerOrganizations).values({ providerId: demo.providerId, organizationId, key: FAKE_ENC_2 });
    const tech = { id: demo.users.tech, email: "tech@demo-msp.example" } as TestUser;
    await addTestMember(organizationId, tech, "user", "confirmed");
    expect(await typesOf(tech)).toEqual(["master_password", "password_generator"]);
    await db.delete(providerOrganizations).where(eq(providerOrganizations.organizationId, organizationId));
    expect(await typesOf(tech)).toContain("single_org");
  });
});

describe("single organization", () => {
  it("refuses to let a member of an organization with the policy accept another invitation, and writes nothing", async () => {
    const owner = await createTestUser();
    const strict = await createTestOrganization("Strict Org", owner);
    const other = await createTestOrganization("Other Org", owner);
    const member = await createTestUser();
    await addTestMember(strict, member, "user", "confirmed");
    await setPolicy(strict, "single_org", true);
    const token = await inviteTestMember(other, member.email);

    await signInAs(member.id);
    const before = await databaseSnapshot();
    expect(await acceptInvitation({ kind: "organization", token })).toEqual({
      ok: false,
      code: "rejected",
      error:
        "You belong to Strict Org, whose single organization policy does not allow its members to belong to any other organization.",
    });
    expect(await databaseSnapshot()).toEqual(before);
    expect(await membershipStatus(other, member.email)).toBe("invited");
  });

  it("refuses to let someone who belongs elsewhere join an organization with the policy", async () => {
    const owner = await createTestUser();
    const strict = await createTestOrganization("Closed Org", owner);
    const elsewhere = await createTestOrganization("Elsewhere Org", owner);
    const member = await createTestUser();
    await addTestMember(elsewhere, member, "user", "accepted");
    await setPolicy(strict, "single_org", true);
    const token = await inviteTestMember(strict, member.email);

    await signInAs(member.id);
    const before = await databaseSnapshot();
    expect(await acceptInvitation({ kind: "organization", token })).toMatchObject({
      ok: false,
      error:
        "Closed Org does not allow its members to belong to other organizations (single organization policy). Leave your other organizations before you join it.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("lets owners and admins through, and does not count invitations or revoked memberships as belonging", async () => {
    const owner = await createTestUser();
    const strict = await createTestOrganization("Admins Org", owner);
    const other = await createTestOrganization("Plain Org", owner);
    await setPolicy(strict, "single_org", true);

    // Joining the organization with the policy as an admin, while belonging elsewhere.
    const admin = await createTestUser();
    await addTestMember(other, admin, "user", "confirmed");
    await signInAs(admin.id);
    expect(
      await acceptInvitation({ kind: "organization", token: await inviteTestMember(strict, admin.email, "admin") }),
    ).toMatchObject({ ok: true });

    // The owner of the organization with the policy joining another.
    await signInAs(owner.id);
    const third = await createTestOrganization("Third Org", await createTestUser());
    expect(
      await acceptInvitation({ kind: "organization", token: await inviteTestMember(third, owner.email) }),
    ).toMatchObject({ ok: true });

    // Someone only invited to, or revoked from, another organization does not belong to it.
    const newcomer = await createTestUser();
    await inviteTestMember(other, newcomer.email);
    await addTestMember(third, newcomer, "user", "revoked");
    await signInAs(newcomer.id);
    expect(
      await acceptInvitation({ kind: "organization", token: await inviteTestMember(strict, newcomer.email) }),
    ).toMatchObject({ ok: true });
  });

  it("lets exactly one of two simultaneous accepts through when one organization has the policy", async () => {
    const owner = await createTestUser();
    const strict = await createTestOrganization("Race Strict", owner);
    const loose = await createTestOrganization("Race Loose", owner);
    await setPolicy(strict, "single_org", true);
    const member = await createTestUser();
    const tokens = [await inviteTestMember(strict, member.email), await inviteTestMember(loose, member.email)];
    await signInAs(member.id);
    const results = await Promise.all(tokens.map((token) => acceptInvitation({ kind: "organization", token })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("answers the creation of an organization through the same check", async () => {
    const owner = await createTestUser();
    const strict = await createTestOrganization("Creator's Org", owner);
    const member = await createTestUser();
    await addTestMember(strict, member, "user", "confirmed");
    await setPolicy(strict, "single_org", true);
    const created = await createTestOrganization("Would-be Org", member);
    const db = await getDb();
    const memberScope = await scopeOf(member.id);
    await expect(db.transaction((tx) => assertSingleOrganizationAllows(tx, memberScope, created))).rejects.toThrow(
      "You belong to Creator's Org, whose single organization policy does not allow its members to belong to any other organization.",
    );
    const ownerScope = await scopeOf(owner.id);
    await expect(
      db.transaction((tx) => assertSingleOrganizationAllows(tx, ownerScope, created)),
    ).resolves.toBeUndefined();
  });
});

describe("policiesForInvitation", () => {
  it("answers the master password requirements of the invitation's organization while the invitation is usable", async () => {
    const owner = await createTestUser();
    const organizationId = await createTestOrganization("Invitation Org", owner);
    const token = await inviteTestMember(organizationId, "invitee@invitation.example");
    expect(await policiesForInvitation(token)).toBeNull();

    const requirements = { ...POLICY_DEFAULTS.master_password, minLength: 20, requireUpper: true };
    await setPolicy(organizationId, "master_password", true, requirements);
    expect(await policiesForInvitation(token)).toEqual({ organizationName: "Invitation Org", requirements });

    await setPolicy(organizationId, "master_password", false, requirements);
    expect(await policiesForInvitation(token)).toBeNull();
  });

  it("answers nothing for a malformed, unknown or used token", async () => {
    const owner = await createTestUser();
    const organizationId = await createTestOrganization("Used Org", owner);
    await setPolicy(organizationId, "master_password", true, POLICY_DEFAULTS.master_password);
    const invitee = await createTestUser();
    const token = await inviteTestMember(organizationId, invitee.email);
    expect(await policiesForInvitation("not a token")).toBeNull();
    expect(await policiesForInvitation(FAKE_TOKEN)).toBeNull();
    await signInAs(invitee.id);
    expect(await acceptInvitation({ kind: "organization", token })).toMatchObject({ ok: true });
    expect(await policiesForInvitation(token)).toBeNull();
  });
});
