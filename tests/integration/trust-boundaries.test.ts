import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/app/(auth)/accept/actions";
import { GET as itemsRoute } from "@/app/(console)/organizations/[organizationId]/items/route";
import { createGroupAction } from "@/app/(console)/organizations/[organizationId]/groups/actions";
import { updateCollectionAction } from "@/app/(console)/organizations/[organizationId]/collections/actions";
import {
  confirmOrganizationMembersAction,
  inviteOrganizationMembersAction,
  updateOrganizationMemberAction,
} from "@/app/(console)/organizations/[organizationId]/members/actions";
import {
  addExistingClientAction,
  listAddableOrganizationsAction,
} from "@/app/(portal)/providers/[providerId]/clients/actions";
import { setInternalOrganizationAction } from "@/app/(portal)/providers/[providerId]/settings/actions";
import { getDb } from "@/db/client";
import {
  collectionUsers,
  groupUsers,
  organizations,
  organizationUsers,
  providerOrganizations,
  providers,
} from "@/db/schema";
import { GRANT_REFUSALS } from "@/lib/authz/grant-rule";
import { customPermissionsSchema } from "@/lib/validation/organization-members";
import { type DemoIds, loadDemo } from "../support/demo";
import { addTestMember, createTestOrganization, createTestUser, inviteTestMember } from "../support/factories";
import { FAKE_ENC_2, FAKE_ENC_4 } from "../support/fakes";
import { respond } from "../support/next";
import { signInAs } from "../support/session";

/** Issue 8's findings 2, 3 and 4, each as the attacker inside the tenant tried it. */
describe("trust boundaries inside a tenant", () => {
  let demo: DemoIds;

  beforeAll(async () => {
    demo = await loadDemo();
    // Room for the members these attacks add (the demo's figures are not under test here).
    const db = await getDb();
    await db
      .update(organizations)
      .set({ seats: 20 })
      .where(inArray(organizations.id, [demo.client1, demo.client2]));
  });

  async function memberRow(organizationId: string, userId: string) {
    const db = await getDb();
    const [row] = await db
      .select()
      .from(organizationUsers)
      .where(and(eq(organizationUsers.organizationId, organizationId), eq(organizationUsers.userId, userId)));
    return row;
  }

  it("finding 2: a Custom member holding only 'manage users' cannot give themselves every flag, Can manage, or make anyone an Admin", async () => {
    const custom = await createTestUser({ name: "Only Manages Users" });
    const memberId = await addTestMember(
      demo.client1,
      custom,
      "custom",
      "confirmed",
      customPermissionsSchema.parse({ manageUsers: true }),
    );
    await signInAs(custom.id);
    const everything = customPermissionsSchema.parse(
      Object.fromEntries(Object.keys(customPermissionsSchema.shape).map((flag) => [flag, true])),
    );
    expect(
      await updateOrganizationMemberAction({
        organizationId: demo.client1,
        memberId,
        type: "custom",
        permissions: everything,
      }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining("You cannot give permissions you do not hold yourself"),
    });
    const manage = [{ collectionId: demo.client1Collection, level: "manage" as const }];
    expect(
      await updateOrganizationMemberAction({
        organizationId: demo.client1,
        memberId,
        type: "custom",
        permissions: { manageUsers: true },
        collections: manage,
      }),
    ).toMatchObject({
      ok: false,
      error: GRANT_REFUSALS.collection,
    });
    expect(
      await updateOrganizationMemberAction({
        organizationId: demo.client1,
        memberId: demo.organizationUsers.user1,
        type: "admin",
      }),
    ).toMatchObject({
      ok: false,
      error: GRANT_REFUSALS.adminRole,
    });
    const row = await memberRow(demo.client1, custom.id);
    expect(row?.permissions).toEqual(customPermissionsSchema.parse({ manageUsers: true }));
    const db = await getDb();
    expect(await db.select().from(collectionUsers).where(eq(collectionUsers.organizationUserId, memberId))).toEqual([]);
  });

  it("finding 2: through groups and collections, a Custom member cannot give themselves access either", async () => {
    const groupsManager = await createTestUser({ name: "Manages Groups" });
    const groupsMemberId = await addTestMember(
      demo.client1,
      groupsManager,
      "custom",
      "confirmed",
      customPermissionsSchema.parse({ manageGroups: true }),
    );
    await signInAs(groupsManager.id);
    const grant = [{ collectionId: demo.client1Collection, level: "manage" as const }];
    expect(
      await createGroupAction({
        organizationId: demo.client1,
        name: "Mine",
        memberIds: [groupsMemberId],
        collections: grant,
      }),
    ).toMatchObject({ ok: false });

    const collectionEditor = await createTestUser({ name: "Edits Any Collection" });
    const editorMemberId = await addTestMember(
      demo.client1,
      collectionEditor,
      "custom",
      "confirmed",
      customPermissionsSchema.parse({ editAnyCollection: true }),
    );
    await signInAs(collectionEditor.id);
    const db = await getDb();
    const current = await db
      .select()
      .from(collectionUsers)
      .where(eq(collectionUsers.collectionId, demo.client1Collection));
    const members = [
      ...current.map((row) => ({
        id: row.organizationUserId,
        level: row.manage ? ("manage" as const) : ("edit" as const),
      })),
      { id: editorMemberId, level: "manage" as const },
    ];
    expect(
      await updateCollectionAction({
        organizationId: demo.client1,
        collectionId: demo.client1Collection,
        name: FAKE_ENC_2,
        members,
      }),
    ).toMatchObject({
      ok: false,
      error: GRANT_REFUSALS.collection,
    });
    expect(await db.select().from(groupUsers).where(eq(groupUsers.organizationUserId, groupsMemberId))).toEqual([]);
    expect(
      await db.select().from(collectionUsers).where(eq(collectionUsers.organizationUserId, editorMemberId)),
    ).toEqual([]);
  });

  it("finding 3: a service user can neither invite themselves into a client nor confirm themselves, so the items stay closed", async () => {
    await signInAs(demo.users.tech);
    expect(
      await inviteOrganizationMembersAction({
        organizationId: demo.client2,
        emails: "tech@demo-msp.example",
        type: "admin",
      }),
    ).toMatchObject({
      ok: false,
      error: GRANT_REFUSALS.providerMember,
    });
    expect(await memberRow(demo.client2, demo.users.tech)).toBeUndefined();

    // Even when the client's owner invited them and they accepted, confirming is not theirs to do.
    const token = await inviteTestMember(demo.client2, "tech@demo-msp.example", "admin");
    expect(await acceptInvitation({ kind: "organization", token })).toMatchObject({ ok: true });
    const accepted = await memberRow(demo.client2, demo.users.tech);
    expect(
      await confirmOrganizationMembersAction({
        organizationId: demo.client2,
        confirmations: [{ id: accepted!.id, key: FAKE_ENC_4 }],
      }),
    ).toMatchObject({
      ok: false,
      error: GRANT_REFUSALS.confirmSelf,
    });
    // Nor may the provider's admin confirm them, or raise them.
    await signInAs(demo.users.admin);
    expect(
      await confirmOrganizationMembersAction({
        organizationId: demo.client2,
        confirmations: [{ id: accepted!.id, key: FAKE_ENC_4 }],
      }),
    ).toMatchObject({
      ok: false,
      error: GRANT_REFUSALS.providerMember,
    });
    expect(
      await updateOrganizationMemberAction({ organizationId: demo.client2, memberId: accepted!.id, type: "owner" }),
    ).toMatchObject({ ok: false });
    expect((await memberRow(demo.client2, demo.users.tech))?.status).toBe("accepted");

    await signInAs(demo.users.tech);
    const request = new Request(`http://localhost/organizations/${demo.client2}/items?for=view`);
    expect(
      (await respond(() => itemsRoute(request, { params: Promise.resolve({ organizationId: demo.client2 }) }))).status,
    ).toBe(403);
  });

  it("finding 4: the provider's internal organization is neither offered nor accepted as a client, even by the database", async () => {
    await signInAs(demo.users.admin);
    const addable = await listAddableOrganizationsAction({ providerId: demo.providerId });
    if (!addable.ok) throw new Error(addable.error);
    expect(addable.organizations.map((organization) => organization.id)).not.toContain(demo.internal);
    expect(
      await addExistingClientAction({ providerId: demo.providerId, organizationId: demo.internal, key: FAKE_ENC_2 }),
    ).toMatchObject({
      ok: false,
      error: "A provider's internal organization cannot be a client.",
    });
    const db = await getDb();
    await expect(
      db
        .insert(providerOrganizations)
        .values({ providerId: demo.providerId, organizationId: demo.internal, key: FAKE_ENC_2 }),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: "provider_organizations_not_internal" }),
    });
    expect(
      await db.select().from(providerOrganizations).where(eq(providerOrganizations.organizationId, demo.internal)),
    ).toEqual([]);
  });

  it("finding 4: a provider marks as internal only an organization its admin owns that is nobody's client", async () => {
    await signInAs(demo.users.admin);
    expect(
      await setInternalOrganizationAction({ providerId: demo.providerId, organizationId: demo.client1 }),
    ).toMatchObject({ ok: false });
    const admin = await createTestUser({ name: "Owns Another" });
    const elsewhere = await createTestOrganization("Not Theirs", admin);
    expect(
      await setInternalOrganizationAction({ providerId: demo.providerId, organizationId: elsewhere }),
    ).toMatchObject({
      ok: false,
      error: "You can only choose an organization that you own.",
    });
    expect(
      await setInternalOrganizationAction({ providerId: demo.providerId, organizationId: demo.internal }),
    ).toMatchObject({ ok: true });
    const db = await getDb();
    const [provider] = await db
      .select({ internal: providers.internalOrganizationId })
      .from(providers)
      .where(eq(providers.id, demo.providerId));
    expect(provider?.internal).toBe(demo.internal);
  });
});
