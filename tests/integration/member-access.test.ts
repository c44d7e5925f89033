import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import MemberAccessPage from "@/app/(console)/organizations/[organizationId]/reports/member-access/page";
import { getDb } from "@/db/client";
import {
  collectionGroups,
  collections,
  collectionUsers,
  groups,
  groupUsers,
  organizations,
  organizationUsers,
} from "@/db/schema";
import { requireOrgScope } from "@/lib/authz/scope";
import { getMemberAccessReport, type MemberAccessReport } from "@/lib/dal/member-access";
import { ACCESS_LEVELS, type AccessLevel } from "@/lib/vault/access-levels";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestUser } from "../support/factories";
import { FAKE_ENC_2, FAKE_ENC_4, FAKE_PUBLIC_KEY } from "../support/fakes";
import { countQueries } from "../support/queries";
import { signInAs } from "../support/session";

async function reportAs(userId: string, organizationId: string): Promise<MemberAccessReport> {
  await signInAs(userId);
  return getMemberAccessReport(await requireOrgScope(organizationId, "org.reports.view"));
}

function memberOf(report: MemberAccessReport, email: string) {
  const member = report.members.find((entry) => entry.email === email);
  if (!member) throw new Error(`${email} is not in the report`);
  return member;
}

function accessTo(report: MemberAccessReport, email: string, collectionId: string) {
  return memberOf(report, email).collections.find((entry) => entry.collectionId === collectionId);
}

async function addCollection(organizationId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(collections)
    .values({ organizationId, name: FAKE_ENC_2 })
    .returning({ id: collections.id });
  return row!.id;
}

async function addGroup(organizationId: string, name: string, memberIds: string[]): Promise<string> {
  const db = await getDb();
  const [group] = await db.insert(groups).values({ organizationId, name }).returning({ id: groups.id });
  if (memberIds.length > 0) {
    await db
      .insert(groupUsers)
      .values(memberIds.map((organizationUserId) => ({ organizationId, groupId: group!.id, organizationUserId })));
  }
  return group!.id;
}

async function grantToGroup(organizationId: string, groupId: string, collectionId: string, level: AccessLevel) {
  const db = await getDb();
  await db.insert(collectionGroups).values({ organizationId, groupId, collectionId, ...ACCESS_LEVELS[level] });
}

async function grantToMember(
  organizationId: string,
  organizationUserId: string,
  collectionId: string,
  level: AccessLevel,
) {
  const db = await getDb();
  await db
    .insert(collectionUsers)
    .values({ organizationId, organizationUserId, collectionId, ...ACCESS_LEVELS[level] });
}

async function addMember(organizationId: string, email: string, status: "invited" | "revoked"): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(organizationUsers)
    .values({ organizationId, email, type: "user", status })
    .returning({ id: organizationUsers.id });
  return row!.id;
}

describe("the member access report", () => {
  let demo: DemoIds;

  beforeAll(async () => {
    demo = await loadDemo();
  });

  it("shows the demo: the owner reaches every collection as owner, the user the default collection directly and through Staff", async () => {
    const report = await reportAs(demo.users.owner1, demo.client1);
    expect(report.members.map((member) => member.email)).toEqual(["owner@client1.example", "user@client1.example"]);
    expect(report.collections).toEqual([{ id: demo.client1Collection, name: expect.stringMatching(/^2\./) }]);
    expect(memberOf(report, "owner@client1.example")).toMatchObject({ role: "owner", status: "confirmed" });
    expect(accessTo(report, "owner@client1.example", demo.client1Collection)).toEqual({
      collectionId: demo.client1Collection,
      level: "manage",
      via: { role: "owner", direct: false, groups: [] },
    });
    // Direct "can edit" and the Staff group's "can view": the more permissive wins.
    expect(accessTo(report, "user@client1.example", demo.client1Collection)).toEqual({
      collectionId: demo.client1Collection,
      level: "edit",
      via: { role: null, direct: true, groups: ["Staff"] },
    });
  });

  describe("with groups, grants and members added", () => {
    const ids = { groupOnly: "", combined: "", hiddenBoth: "", manageByGroup: "", otherCollection: "" };

    beforeAll(async () => {
      const { client1, client2, organizationUsers: members } = demo;
      ids.groupOnly = await addCollection(client1);
      ids.combined = await addCollection(client1);
      ids.hiddenBoth = await addCollection(client1);
      ids.manageByGroup = await addCollection(client1);
      const support = await addGroup(client1, "Support", [members.user1]);
      const sales = await addGroup(client1, "Sales", [members.user1]);
      // Through a group only.
      await grantToGroup(client1, support, ids.groupOnly, "view");
      // Direct "view, except passwords" and the group's "edit": edit, and the passwords show.
      await grantToMember(client1, members.user1, ids.combined, "view_except_passwords");
      await grantToGroup(client1, support, ids.combined, "edit");
      // Both hide passwords: they stay hidden, and the direct edit wins over the group's view.
      await grantToMember(client1, members.user1, ids.hiddenBoth, "edit_except_passwords");
      await grantToGroup(client1, sales, ids.hiddenBoth, "view_except_passwords");
      // Two groups and a direct grant: the group's manage wins.
      await grantToMember(client1, members.user1, ids.manageByGroup, "view");
      await grantToGroup(client1, support, ids.manageByGroup, "edit");
      await grantToGroup(client1, sales, ids.manageByGroup, "manage");

      // An invited member's grants are listed (they apply once confirmed); a revoked member is left out.
      const invited = await addMember(client1, "invited@client1.example", "invited");
      await grantToMember(client1, invited, ids.groupOnly, "edit");
      const revoked = await addMember(client1, "revoked@client1.example", "revoked");
      await grantToMember(client1, revoked, ids.groupOnly, "manage");
      await (
        await getDb()
      )
        .insert(groupUsers)
        .values({ organizationId: client1, groupId: support, organizationUserId: revoked });

      // Another organization with a group of the same name, members and grants of its own.
      ids.otherCollection = await addCollection(client2);
      const [owner2] = await (
        await getDb()
      )
        .select({ id: organizationUsers.id })
        .from(organizationUsers)
        .where(eq(organizationUsers.email, "owner@client2.example"));
      const otherSupport = await addGroup(client2, "Support", [owner2!.id]);
      await grantToGroup(client2, otherSupport, ids.otherCollection, "view");
    });

    it("names the group a member reaches a collection through", async () => {
      const report = await reportAs(demo.users.owner1, demo.client1);
      expect(accessTo(report, "user@client1.example", ids.groupOnly)).toEqual({
        collectionId: ids.groupOnly,
        level: "view",
        via: { role: null, direct: false, groups: ["Support"] },
      });
    });

    it("combines direct and group grants to the most permissive level, naming each way in", async () => {
      const report = await reportAs(demo.users.owner1, demo.client1);
      expect(accessTo(report, "user@client1.example", ids.combined)).toMatchObject({
        level: "edit",
        via: { direct: true, groups: ["Support"] },
      });
      expect(accessTo(report, "user@client1.example", ids.hiddenBoth)).toMatchObject({
        level: "edit_except_passwords",
        via: { direct: true, groups: ["Sales"] },
      });
      expect(accessTo(report, "user@client1.example", ids.manageByGroup)).toMatchObject({
        level: "manage",
        via: { direct: true, groups: ["Sales", "Support"] },
      });
      // Nothing else is listed.
      expect(
        memberOf(report, "user@client1.example")
          .collections.map((entry) => entry.collectionId)
          .sort(),
      ).toEqual([demo.client1Collection, ids.groupOnly, ids.combined, ids.hiddenBoth, ids.manageByGroup].sort());
    });

    it("gives owners every collection, with Can manage, because of their role", async () => {
      const report = await reportAs(demo.users.owner1, demo.client1);
      const owner = memberOf(report, "owner@client1.example");
      expect(owner.collections.map((entry) => entry.collectionId).sort()).toEqual(
        report.collections.map((collection) => collection.id).sort(),
      );
      expect(owner.collections).toHaveLength(5);
      expect(owner.collections.every((entry) => entry.level === "manage" && entry.via.role === "owner")).toBe(true);
    });

    it("lists invited members with their grants, and leaves revoked members out", async () => {
      const report = await reportAs(demo.users.owner1, demo.client1);
      expect(report.members.map((member) => member.email)).toEqual([
        "invited@client1.example",
        "owner@client1.example",
        "user@client1.example",
      ]);
      expect(memberOf(report, "invited@client1.example")).toMatchObject({
        status: "invited",
        collections: [{ collectionId: ids.groupOnly, level: "edit", via: { role: null, direct: true, groups: [] } }],
      });
    });

    it("never shows another organization's members, groups, collections or grants", async () => {
      const report = await reportAs(demo.users.owner1, demo.client1);
      const client1Collections = new Set(report.collections.map((collection) => collection.id));
      expect(client1Collections.has(ids.otherCollection)).toBe(false);
      expect(report.members.some((member) => member.email === "owner@client2.example")).toBe(false);
      expect(
        report.members.every((member) =>
          member.collections.every((entry) => client1Collections.has(entry.collectionId)),
        ),
      ).toBe(true);

      const other = await reportAs(demo.users.owner2, demo.client2);
      expect(other.members.map((member) => member.email)).toEqual(["owner@client2.example"]);
      expect(other.collections.map((collection) => collection.id)).not.toContain(ids.groupOnly);
      expect(other.members[0]!.collections.every((entry) => entry.via.role === "owner")).toBe(true);
    });

    it("is the same for the managing provider's admin, who acts as owner", async () => {
      const asOwner = await reportAs(demo.users.owner1, demo.client1);
      const asProvider = await reportAs(demo.users.admin, demo.client1);
      expect(asProvider).toEqual(asOwner);
    });

    it("is refused to a plain member and to owners of other organizations", async () => {
      const notFound = { digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) };
      await expect(reportAs(demo.users.user1, demo.client1)).rejects.toMatchObject(notFound);
      await expect(reportAs(demo.users.owner2, demo.client1)).rejects.toMatchObject(notFound);
    });
  });
});

describe("the member access page's query budget", () => {
  let organizationId: string;
  let ownerId: string;
  let groupId: string;
  let collectionIds: string[];

  /** Adds invited members, each with a direct grant and a group membership, in bulk. */
  async function addMembers(count: number, offset: number) {
    const db = await getDb();
    const rows = await db
      .insert(organizationUsers)
      .values(
        Array.from({ length: count }, (_, index) => ({
          organizationId,
          email: `member${offset + index}@big.example`,
          type: "user" as const,
          status: "invited" as const,
        })),
      )
      .returning({ id: organizationUsers.id });
    await db.insert(collectionUsers).values(
      rows.map((row, index) => ({
        organizationId,
        organizationUserId: row.id,
        collectionId: collectionIds[index % collectionIds.length]!,
        readOnly: true,
      })),
    );
    await db.insert(groupUsers).values(rows.map((row) => ({ organizationId, groupId, organizationUserId: row.id })));
  }

  function queriesForPage(): Promise<number> {
    return countQueries(() => MemberAccessPage({ params: Promise.resolve({ organizationId }) }));
  }

  beforeAll(async () => {
    const owner = await createTestUser();
    ownerId = owner.id;
    const db = await getDb();
    const [organization] = await db
      .insert(organizations)
      .values({
        name: "Big Org",
        billingEmail: owner.email,
        planType: "enterprise_monthly",
        seats: 100,
        publicKey: FAKE_PUBLIC_KEY,
        privateKey: FAKE_ENC_2,
      })
      .returning({ id: organizations.id });
    organizationId = organization!.id;
    await db.insert(organizationUsers).values({
      organizationId,
      userId: owner.id,
      email: owner.email,
      type: "owner",
      status: "confirmed",
      key: FAKE_ENC_4,
    });
    collectionIds = await Promise.all([
      addCollection(organizationId),
      addCollection(organizationId),
      addCollection(organizationId),
    ]);
    groupId = await addGroup(organizationId, "Everyone", []);
    await grantToGroup(organizationId, groupId, collectionIds[0]!, "edit");
    await signInAs(ownerId);
  });

  it("is the same at 3 and at 40 members", async () => {
    await addMembers(2, 0);
    const atThree = await queriesForPage();
    await addMembers(37, 2);
    const atForty = await queriesForPage();
    expect(atThree).toBeGreaterThan(0);
    expect(atForty).toBe(atThree);
    const report = await getMemberAccessReport(await requireOrgScope(organizationId, "org.reports.view"));
    expect(report.members).toHaveLength(40);
  });
});
