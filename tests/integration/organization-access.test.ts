import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/app/(auth)/accept/actions";
import {
  createCollectionAction,
  deleteCollectionAction,
  updateCollectionAction,
} from "@/app/(console)/organizations/[organizationId]/collections/actions";
import { createGroupAction, deleteGroupAction } from "@/app/(console)/organizations/[organizationId]/groups/actions";
import {
  confirmOrganizationMembersAction,
  inviteOrganizationMembersAction,
  restoreOrganizationMembersAction,
  revokeOrganizationMembersAction,
  updateOrganizationMemberAction,
} from "@/app/(console)/organizations/[organizationId]/members/actions";
import { importItemsBatch } from "@/app/(console)/organizations/[organizationId]/settings/import/actions";
import { createOrganizationAction } from "@/app/(vault)/create-organization/actions";
import { getDb } from "@/db/client";
import { mailOutbox, organizationUsers, policies } from "@/db/schema";
import { createOrganizationKeys, encryptString, type SymmetricKey, wrapSymmetricKeyForPublicKey } from "@/lib/crypto";
import { GRANT_REFUSALS } from "@/lib/authz/grant-rule";
import { requireUser } from "@/lib/authz/scope";
import { listVaultItems } from "@/lib/dal/items";
import { decryptCipher, encryptCipher } from "@/lib/vault/cipher-crypto";
import { newCipher } from "@/lib/vault/cipher-model";
import { databaseSnapshot, findPlaintext } from "../support/db-scan";
import { createTestUser, type TestUser, uniqueEmail } from "../support/factories";
import { signInAs } from "../support/session";

function loginItem(name: string, password: string) {
  const item = newCipher("login", name);
  item.login = {
    ...item.login!,
    username: `${name.toLowerCase().replace(/\s/g, ".")}@acme.example`,
    password,
    uris: [{ uri: "https://acme.example", match: null }],
  };
  return item;
}

describe("an organization's own access model, end to end at the action level", () => {
  let owner: TestUser;
  let admin: TestUser;
  let user: TestUser;
  let custom: TestUser;
  let organizationId: string;
  let organizationKey: SymmetricKey;
  const collectionIds: Record<"finance" | "it" | "secret", string> = { finance: "", it: "", secret: "" };
  const memberIds: Record<string, string> = {};

  async function joinAndConfirm(
    person: TestUser,
    type: "admin" | "user" | "custom",
    extra: Record<string, unknown> = {},
  ) {
    await signInAs(owner.id);
    expect(
      await inviteOrganizationMembersAction({ organizationId, emails: person.email, type, ...extra }),
    ).toMatchObject({ ok: true });
    const db = await getDb();
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, person.email));
    await signInAs(person.id);
    expect(
      await acceptInvitation({ kind: "organization", token: mail!.text.match(/token=([A-Za-z0-9_-]{43})/)![1]! }),
    ).toMatchObject({ ok: true });
    const [row] = await db
      .select()
      .from(organizationUsers)
      .where(and(eq(organizationUsers.organizationId, organizationId), eq(organizationUsers.email, person.email)));
    await signInAs(owner.id);
    const key = await wrapSymmetricKeyForPublicKey(organizationKey, person.keys.publicKey);
    expect(
      await confirmOrganizationMembersAction({ organizationId, confirmations: [{ id: row!.id, key }] }),
    ).toMatchObject({ ok: true });
    memberIds[person.email] = row!.id;
  }

  beforeAll(async () => {
    owner = await createTestUser({ email: uniqueEmail("acme-owner") });
    admin = await createTestUser({ email: uniqueEmail("acme-admin") });
    user = await createTestUser({ email: uniqueEmail("acme-user") });
    custom = await createTestUser({ email: uniqueEmail("acme-custom") });
  });

  it("lets any user create an organization, becoming its confirmed owner with a default collection", async () => {
    await signInAs(owner.id);
    const keys = await createOrganizationKeys();
    organizationKey = keys.organizationKey;
    const result = await createOrganizationAction({
      name: "Acme Corp",
      billingEmail: owner.email,
      planType: "teams_monthly",
      seats: 4,
      publicKey: keys.publicKey,
      privateKey: keys.privateKey,
      ownerKey: await wrapSymmetricKeyForPublicKey(keys.organizationKey, owner.keys.publicKey),
      collectionName: await encryptString("Default collection", keys.organizationKey),
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    organizationId = result.organizationId;
    const db = await getDb();
    const [row] = await db.select().from(organizationUsers).where(eq(organizationUsers.organizationId, organizationId));
    expect(row).toMatchObject({ userId: owner.id, type: "owner", status: "confirmed" });
  });

  it("creates collections with encrypted names", async () => {
    await signInAs(owner.id);
    for (const name of ["finance", "it", "secret"] as const) {
      const result = await createCollectionAction({
        organizationId,
        name: await encryptString(`${name} collection`, organizationKey),
      });
      expect(result).toMatchObject({ ok: true });
      if (result.ok) collectionIds[name] = result.collectionId;
    }
    expect(await findPlaintext(["finance collection", "secret collection"])).toEqual([]);
  });

  it("invites members with roles and access, who accept and are confirmed", async () => {
    await joinAndConfirm(admin, "admin");
    await joinAndConfirm(user, "user", {
      collections: [{ collectionId: collectionIds.finance, level: "view_except_passwords" }],
    });
    await joinAndConfirm(custom, "custom", { permissions: { manageGroups: true } });
    await signInAs(owner.id);
    const group = await createGroupAction({
      organizationId,
      name: "IT staff",
      memberIds: [memberIds[user.email]!],
      collections: [{ collectionId: collectionIds.it, level: "edit" }],
    });
    expect(group).toMatchObject({ ok: true });
  });

  it("imports items into collections", async () => {
    await signInAs(owner.id);
    const items = [
      { item: loginItem("Payroll", "payroll-pass-1"), collection: collectionIds.finance },
      { item: loginItem("Firewall", "firewall-pass-2"), collection: collectionIds.it },
      { item: loginItem("Board vault", "board-pass-3"), collection: collectionIds.secret },
    ];
    const batch = await Promise.all(
      items.map(async ({ item, collection }) => ({
        cipher: await encryptCipher(item, organizationKey),
        collectionIds: [collection],
      })),
    );
    const fileHash = `${"B".repeat(43)}=`;
    expect(await importItemsBatch({ organizationId, fileHash, items: batch })).toEqual({ ok: true, imported: 3 });
  });

  it("shows a User exactly their collections' items, without passwords where they may only view without them", async () => {
    await signInAs(user.id);
    const { items, collections } = await listVaultItems(await requireUser());
    const names = await Promise.all(items.map(async (item) => (await decryptCipher(item, organizationKey)).name));
    expect([...names].sort()).toEqual(["Firewall", "Payroll"]);
    expect(collections.map((collection) => collection.id).sort()).toEqual(
      [collectionIds.finance, collectionIds.it].sort(),
    );
    const payroll = items[names.indexOf("Payroll")]!;
    expect(payroll.permissions).toEqual({ edit: false, viewPassword: false, manage: false });
    expect(payroll.data.login?.password).toBeNull();
    const firewall = items[names.indexOf("Firewall")]!;
    expect(firewall.permissions).toMatchObject({ edit: true, viewPassword: true });
    expect((await decryptCipher(firewall, organizationKey)).login?.password).toBe("firewall-pass-2");
  });

  it("shows owners and admins every item", async () => {
    for (const person of [owner, admin]) {
      await signInAs(person.id);
      const { items } = await listVaultItems(await requireUser());
      expect(items.filter((item) => item.organizationId === organizationId)).toHaveLength(3);
    }
  });

  it("lets a Custom member do exactly what their flags allow", async () => {
    await signInAs(custom.id);
    expect(await createGroupAction({ organizationId, name: "Custom's group" })).toMatchObject({ ok: true });
    const before = await databaseSnapshot();
    expect(
      await createCollectionAction({ organizationId, name: await encryptString("nope", organizationKey) }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await inviteOrganizationMembersAction({ organizationId, emails: uniqueEmail("x"), type: "user" }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await databaseSnapshot()).toEqual(before);
    expect((await listVaultItems(await requireUser())).items).toEqual([]);
  });

  it("keeps Admins away from Owners, and owners from removing their last confirmed owner", async () => {
    await signInAs(admin.id);
    const db = await getDb();
    const [ownerRow] = await db
      .select()
      .from(organizationUsers)
      .where(and(eq(organizationUsers.organizationId, organizationId), eq(organizationUsers.type, "owner")));
    const before = await databaseSnapshot();
    expect(
      await updateOrganizationMemberAction({ organizationId, memberId: ownerRow!.id, type: "user" }),
    ).toMatchObject({ ok: false, error: GRANT_REFUSALS.ownerRole });
    expect(
      await updateOrganizationMemberAction({ organizationId, memberId: memberIds[user.email]!, type: "owner" }),
    ).toMatchObject({ ok: false, error: GRANT_REFUSALS.ownerRole });
    expect(await revokeOrganizationMembersAction({ organizationId, memberIds: [ownerRow!.id] })).toMatchObject({
      ok: false,
    });
    await signInAs(owner.id);
    expect(
      await updateOrganizationMemberAction({ organizationId, memberId: ownerRow!.id, type: "admin" }),
    ).toMatchObject({ ok: false, error: "You cannot change your own role." });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("changes a member's access as a whole", async () => {
    await signInAs(owner.id);
    const result = await updateOrganizationMemberAction({
      organizationId,
      memberId: memberIds[user.email]!,
      type: "user",
      collections: [{ collectionId: collectionIds.secret, level: "view" }],
      groupIds: [],
    });
    expect(result).toEqual({ ok: true });
    await signInAs(user.id);
    const { items } = await listVaultItems(await requireUser());
    expect(await Promise.all(items.map(async (item) => (await decryptCipher(item, organizationKey)).name))).toEqual([
      "Board vault",
    ]);
  });

  it("revoking frees a seat and removes access; restoring needs the seat back", async () => {
    await signInAs(owner.id);
    const userId = memberIds[user.email]!;
    expect(await revokeOrganizationMembersAction({ organizationId, memberIds: [userId] })).toEqual({
      ok: true,
      revoked: 1,
    });
    await signInAs(user.id);
    expect((await listVaultItems(await requireUser())).items).toEqual([]);
    // The freed seat (4 seats: owner, admin, custom) takes one more invitation; then restoring finds no seat.
    await signInAs(owner.id);
    expect(
      await inviteOrganizationMembersAction({ organizationId, emails: uniqueEmail("fourth"), type: "user" }),
    ).toMatchObject({ ok: true });
    expect(await restoreOrganizationMembersAction({ organizationId, memberIds: [userId] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no seats left/),
    });
  });

  it("refuses grants naming another organization's collections or groups, and writes nothing", async () => {
    const stranger = await createTestUser();
    await signInAs(stranger.id);
    const keys = await createOrganizationKeys();
    const other = await createOrganizationAction({
      name: "Other Co",
      billingEmail: stranger.email,
      planType: "teams_monthly",
      seats: 2,
      publicKey: keys.publicKey,
      privateKey: keys.privateKey,
      ownerKey: await wrapSymmetricKeyForPublicKey(keys.organizationKey, stranger.keys.publicKey),
      collectionName: await encryptString("Default collection", keys.organizationKey),
    });
    if (!other.ok) throw new Error("setup");
    const before = await databaseSnapshot();
    expect(
      await createGroupAction({
        organizationId: other.organizationId,
        name: "Grab",
        collections: [{ collectionId: collectionIds.finance, level: "manage" }],
      }),
    ).toMatchObject({
      ok: false,
      error: "Some of these collections do not exist in this organization. Reload the page.",
    });
    expect(
      await updateCollectionAction({
        organizationId: other.organizationId,
        collectionId: collectionIds.finance,
        name: await encryptString("x", keys.organizationKey),
      }),
    ).toMatchObject({ ok: false });
    expect(
      await deleteCollectionAction({ organizationId: other.organizationId, collectionId: collectionIds.finance }),
    ).toMatchObject({ ok: false });
    expect(await deleteGroupAction({ organizationId, groupId: collectionIds.finance })).toMatchObject({ ok: false });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("keeps every item field and collection name out of the database in plaintext", async () => {
    expect(
      await findPlaintext([
        "Payroll",
        "payroll-pass-1",
        "firewall-pass-2",
        "board-pass-3",
        "acme.example",
        "finance collection",
      ]),
    ).toEqual([]);
  });
});

describe("creating an organization under a single organization policy", () => {
  it("is refused to a member of an organization whose policy forbids a second one, and writes nothing", async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    await signInAs(owner.id);
    const keys = await createOrganizationKeys();
    const created = await createOrganizationAction({
      name: "Strict Co",
      billingEmail: owner.email,
      planType: "enterprise_monthly",
      seats: 3,
      publicKey: keys.publicKey,
      privateKey: keys.privateKey,
      ownerKey: await wrapSymmetricKeyForPublicKey(keys.organizationKey, owner.keys.publicKey),
      collectionName: await encryptString("Default collection", keys.organizationKey),
    });
    if (!created.ok) throw new Error("setup");
    const db = await getDb();
    await db.insert(policies).values({ organizationId: created.organizationId, type: "single_org", enabled: true });
    await db.insert(organizationUsers).values({
      organizationId: created.organizationId,
      userId: member.id,
      email: member.email,
      type: "user",
      status: "confirmed",
      key: await wrapSymmetricKeyForPublicKey(keys.organizationKey, member.keys.publicKey),
    });
    await signInAs(member.id);
    const own = await createOrganizationKeys();
    const before = await databaseSnapshot();
    const result = await createOrganizationAction({
      name: "Side Project",
      billingEmail: member.email,
      planType: "teams_monthly",
      seats: 2,
      publicKey: own.publicKey,
      privateKey: own.privateKey,
      ownerKey: await wrapSymmetricKeyForPublicKey(own.organizationKey, member.keys.publicKey),
      collectionName: await encryptString("Default collection", own.organizationKey),
    });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Strict Co") });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("restoring a member under a single organization policy", () => {
  it("is refused when the member now belongs to another organization, and writes nothing", async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const make = async (creator: TestUser, name: string) => {
      await signInAs(creator.id);
      const keys = await createOrganizationKeys();
      const result = await createOrganizationAction({
        name,
        billingEmail: creator.email,
        planType: "enterprise_monthly",
        seats: 5,
        publicKey: keys.publicKey,
        privateKey: keys.privateKey,
        ownerKey: await wrapSymmetricKeyForPublicKey(keys.organizationKey, creator.keys.publicKey),
        collectionName: await encryptString("Default collection", keys.organizationKey),
      });
      if (!result.ok) throw new Error("setup");
      return { id: result.organizationId, key: keys.organizationKey };
    };
    const strict = await make(owner, "Strict Restore Co");
    const db = await getDb();
    await db.insert(policies).values({ organizationId: strict.id, type: "single_org", enabled: true });
    const [row] = await db
      .insert(organizationUsers)
      .values({
        organizationId: strict.id,
        userId: member.id,
        email: member.email,
        type: "user",
        status: "revoked",
        key: await wrapSymmetricKeyForPublicKey(strict.key, member.keys.publicKey),
      })
      .returning({ id: organizationUsers.id });
    await make(member, "Member's Own Co");
    await signInAs(owner.id);
    const before = await databaseSnapshot();
    const result = await restoreOrganizationMembersAction({ organizationId: strict.id, memberIds: [row!.id] });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("single organization policy") });
    expect(await databaseSnapshot()).toEqual(before);
  });
});
