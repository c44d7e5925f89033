import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { updateCollectionAction } from "@/app/(console)/organizations/[organizationId]/collections/actions";
import { createGroupAction } from "@/app/(console)/organizations/[organizationId]/groups/actions";
import {
  inviteOrganizationMembersAction,
  updateOrganizationMemberAction,
} from "@/app/(console)/organizations/[organizationId]/members/actions";
import { assignCollectionsAction } from "@/app/(vault)/vault/actions";
import { getDb } from "@/db/client";
import { collectionCiphers, collectionUsers, groupUsers, mailOutbox, organizationUsers } from "@/db/schema";
import { loadDemo } from "../../support/demo";
import { FAKE_ENC_2 } from "../../support/fakes";
import { signInAs } from "../../support/session";
import { buildEscalationFixture, type EscalationFixture } from "./fixture";

/** The other side of the escalation matrix: the same rule that refuses more lets people pass on what they hold. */
describe("the grant rule lets people pass on what they hold", () => {
  let fx: EscalationFixture;

  beforeAll(async () => {
    fx = await buildEscalationFixture(await loadDemo());
  });

  it("a Custom member who manages users invites someone with access up to their own", async () => {
    await signInAs(fx.selves.custom_manageUsers.userId);
    const result = await inviteOrganizationMembersAction({
      organizationId: fx.organizationId,
      emails: "within-reach@test.example",
      type: "custom",
      permissions: { manageUsers: true },
      collections: [{ collectionId: fx.defaultCollection, level: "view" }],
    });
    expect(result).toMatchObject({ ok: true, invited: 1 });
  });

  it("a Custom member who manages users edits a member whose other grants are beyond them, keeping those grants", async () => {
    const db = await getDb();
    await db.insert(collectionUsers).values({
      organizationId: fx.organizationId,
      collectionId: fx.secretCollection,
      organizationUserId: fx.targetMemberId,
      manage: true,
    });
    await signInAs(fx.selves.custom_manageUsers.userId);
    const result = await updateOrganizationMemberAction({
      organizationId: fx.organizationId,
      memberId: fx.targetMemberId,
      type: "user",
      collections: [
        { collectionId: fx.secretCollection, level: "manage" },
        { collectionId: fx.defaultCollection, level: "view" },
      ],
    });
    expect(result).toMatchObject({ ok: true });
    const grants = await db
      .select()
      .from(collectionUsers)
      .where(eq(collectionUsers.organizationUserId, fx.targetMemberId));
    expect(grants).toHaveLength(2);
  });

  it("a Custom member who manages groups makes a group within their reach, themselves included", async () => {
    await signInAs(fx.selves.custom_manageGroups.userId);
    const result = await createGroupAction({
      organizationId: fx.organizationId,
      name: "Readers",
      memberIds: [fx.selves.custom_manageGroups.memberId, fx.targetMemberId],
      collections: [{ collectionId: fx.defaultCollection, level: "view" }],
    });
    expect(result).toMatchObject({ ok: true });
    const db = await getDb();
    const members = await db
      .select()
      .from(groupUsers)
      .where(eq(groupUsers.organizationUserId, fx.selves.custom_manageGroups.memberId));
    expect(members).toHaveLength(1);
  });

  it("a Custom member who edits any collection gives others access up to their own", async () => {
    await signInAs(fx.selves.custom_editAnyCollection.userId);
    const result = await updateCollectionAction({
      organizationId: fx.organizationId,
      collectionId: fx.defaultCollection,
      name: FAKE_ENC_2,
      members: [...fx.defaultMembers, { id: fx.targetMemberId, level: "view" }],
      groups: [{ id: fx.staffGroup, level: "view" }],
    });
    expect(result).toMatchObject({ ok: true });
  });

  it("a member who edits an item keeps it in their collection, and its link beyond them stays", async () => {
    const db = await getDb();
    await db.insert(collectionCiphers).values({
      organizationId: fx.organizationId,
      collectionId: fx.secretCollection,
      cipherId: fx.defaultItem,
    });
    await signInAs(fx.selves.user.userId);
    const result = await assignCollectionsAction({ cipherId: fx.defaultItem, collectionIds: [fx.defaultCollection] });
    expect(result).toMatchObject({ ok: true });
    const links = await db
      .select({ collectionId: collectionCiphers.collectionId })
      .from(collectionCiphers)
      .where(eq(collectionCiphers.cipherId, fx.defaultItem));
    expect(links.map((link) => link.collectionId).sort()).toEqual([fx.defaultCollection, fx.secretCollection].sort());
  });

  it("a provider member invites the client's own people, and confirmed owners are told by mail", async () => {
    await signInAs(fx.demo.users.tech);
    const result = await inviteOrganizationMembersAction({
      organizationId: fx.organizationId,
      emails: "client-staff@test.example",
      type: "user",
    });
    expect(result).toMatchObject({ ok: true, invited: 1 });
    const db = await getDb();
    const [invited] = await db
      .select({ id: organizationUsers.id })
      .from(organizationUsers)
      .where(
        and(
          eq(organizationUsers.organizationId, fx.organizationId),
          eq(organizationUsers.email, "client-staff@test.example"),
        ),
      );
    expect(invited).toBeDefined();
    const mails = await db.select().from(mailOutbox);
    const toOwner = mails.filter(
      (mail) =>
        mail.to === "owner@client1.example" &&
        mail.subject === "Demo MSP changed the members of My Client's Organization",
    );
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0]!.text).toContain("tech@demo-msp.example");
    expect(toOwner[0]!.text).toContain("invited client-staff@test.example as a user");
  });
});
