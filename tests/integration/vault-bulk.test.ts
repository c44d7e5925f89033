import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addItemsToCollectionsAction,
  createFolderAction,
  createItem,
  moveItemsToFolderAction,
  purgeItemsAction,
  restoreItemsAction,
  trashItemsAction,
} from "@/app/(vault)/vault/actions";
import { getDb } from "@/db/client";
import { ciphers, cipherUserStates, collections, collectionUsers, events } from "@/db/schema";
import { databaseSnapshot } from "../support/db-scan";
import {
  addTestMember,
  collectionsOf,
  createTestOrganization,
  createTestUser,
  type TestUser,
} from "../support/factories";
import { FAKE_ENC_2, FAKE_LOGIN, UNKNOWN_ID } from "../support/fakes";
import { signInAs } from "../support/session";

/**
 * The web vault's bulk actions on selected items: each item is checked from the database, and one item the caller
 * may not change refuses the whole request (all or nothing), leaving the database as it was.
 */
describe("bulk changes to selected items in the web vault", () => {
  let owner: TestUser;
  let member: TestUser;
  let organizationId: string;
  /** The member edits items in `editable`, only views those in `viewOnly`; `extra` is another collection. */
  let editable: string;
  let viewOnly: string;
  let extra: string;
  let shared: string[];
  let viewOnlyItem: string;

  async function newCollection(): Promise<string> {
    const db = await getDb();
    const [row] = await db.insert(collections).values({ organizationId, name: FAKE_ENC_2 }).returning();
    return row!.id;
  }

  async function organizationItem(collectionId: string): Promise<string> {
    const created = await createItem({
      owner: "organization",
      organizationId,
      cipher: FAKE_LOGIN,
      collectionIds: [collectionId],
    });
    if (!created.ok) throw new Error(created.error);
    return created.cipherId;
  }

  async function personalItem(): Promise<string> {
    const created = await createItem({ owner: "me", cipher: FAKE_LOGIN });
    if (!created.ok) throw new Error(created.error);
    return created.cipherId;
  }

  beforeAll(async () => {
    owner = await createTestUser();
    member = await createTestUser();
    organizationId = await createTestOrganization("Bulk Team", owner);
    const membership = await addTestMember(organizationId, member, "user");
    [editable, viewOnly, extra] = [await newCollection(), await newCollection(), await newCollection()];
    const db = await getDb();
    await db.insert(collectionUsers).values([
      { organizationId, collectionId: editable, organizationUserId: membership },
      { organizationId, collectionId: viewOnly, organizationUserId: membership, readOnly: true },
    ]);
    await signInAs(owner.id);
    shared = [await organizationItem(editable), await organizationItem(editable)];
    viewOnlyItem = await organizationItem(viewOnly);
  });

  it("adds items of one organization to more collections, keeping the ones they are in, one event each", async () => {
    await signInAs(owner.id);
    const result = await addItemsToCollectionsAction({
      organizationId,
      cipherIds: shared,
      collectionIds: [extra, editable],
    });
    expect(result).toEqual({ ok: true, count: 2 });
    for (const id of shared) expect(await collectionsOf(id)).toEqual([editable, extra].sort());
    const db = await getDb();
    const recorded = await db
      .select({ cipherId: events.cipherId })
      .from(events)
      .where(and(eq(events.type, "cipher_collections_updated"), inArray(events.cipherId, shared)));
    expect(recorded.map((event) => event.cipherId).sort()).toEqual([...shared].sort());
    // The same again adds nothing twice.
    expect(
      await addItemsToCollectionsAction({ organizationId, cipherIds: shared, collectionIds: [extra] }),
    ).toMatchObject({ ok: true, count: 2 });
    expect(await collectionsOf(shared[0]!)).toEqual([editable, extra].sort());
  });

  it("refuses the whole request when one item or collection is not the caller's to change", async () => {
    const stranger = await createTestUser();
    await signInAs(stranger.id);
    await signInAs(member.id);
    const mine = await personalItem();
    const before = await databaseSnapshot();
    // An item the member only views, among items they edit.
    expect(
      await addItemsToCollectionsAction({
        organizationId,
        cipherIds: [...shared, viewOnlyItem],
        collectionIds: [editable],
      }),
    ).toMatchObject({ ok: false, error: "You can view this item but not change it." });
    // A personal item is in no organization's collection.
    expect(
      await addItemsToCollectionsAction({ organizationId, cipherIds: [shared[0]!, mine], collectionIds: [editable] }),
    ).toMatchObject({ ok: false, error: "Only this organization's items can go into its collections." });
    // A collection the member may only view receives nothing; one they do not reach neither.
    for (const collectionId of [viewOnly, extra])
      expect(
        await addItemsToCollectionsAction({ organizationId, cipherIds: shared, collectionIds: [collectionId] }),
      ).toMatchObject({ ok: false, error: "You cannot add items to some of these collections." });
    // Items of a tenant one does not reach are not found.
    await signInAs(stranger.id);
    expect(
      await addItemsToCollectionsAction({ organizationId, cipherIds: shared, collectionIds: [editable] }),
    ).toMatchObject({ ok: false, error: "This item does not exist, or you cannot change it." });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("bounds the selection: at least one item, at most 500", async () => {
    await signInAs(owner.id);
    expect(await addItemsToCollectionsAction({ organizationId, cipherIds: [], collectionIds: [extra] })).toMatchObject({
      ok: false,
      fieldErrors: { cipherIds: "Select at least one item." },
    });
    const many = Array.from(
      { length: 501 },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    );
    expect(await trashItemsAction({ cipherIds: many })).toMatchObject({
      ok: false,
      fieldErrors: { cipherIds: "Select at most 500 items at a time." },
    });
  });

  it("trashes, restores, files and deletes for good a selection, all or nothing", async () => {
    await signInAs(member.id);
    const own = [await personalItem(), await personalItem()];
    const folder = await createFolderAction({ name: FAKE_ENC_2 });
    if (!folder.ok) throw new Error(folder.error);
    const db = await getDb();
    const deleted = async (ids: string[]) =>
      (await db.select({ deletedAt: ciphers.deletedAt }).from(ciphers).where(inArray(ciphers.id, ids))).map(
        (row) => row.deletedAt !== null,
      );

    // One item the member only views refuses the whole trash; an unknown id too.
    const before = await databaseSnapshot();
    expect(await trashItemsAction({ cipherIds: [...own, shared[0]!, viewOnlyItem] })).toMatchObject({
      ok: false,
      error: "You can view this item but not change it.",
    });
    expect(await trashItemsAction({ cipherIds: [...own, UNKNOWN_ID] })).toMatchObject({ ok: false });
    expect(await databaseSnapshot()).toEqual(before);

    // Folders are the member's own: any item they see can be filed, even one they only view.
    expect(
      await moveItemsToFolderAction({ cipherIds: [...own, viewOnlyItem], folderId: folder.folderId }),
    ).toMatchObject({ ok: true, count: 3 });
    const filed = await db
      .select({ cipherId: cipherUserStates.cipherId })
      .from(cipherUserStates)
      .where(and(eq(cipherUserStates.userId, member.id), eq(cipherUserStates.folderId, folder.folderId)));
    expect(filed.map((row) => row.cipherId).sort()).toEqual([...own, viewOnlyItem].sort());

    const selection = [...own, shared[0]!];
    expect(await trashItemsAction({ cipherIds: selection })).toEqual({ ok: true, count: 3 });
    expect(await deleted(selection)).toEqual([true, true, true]);
    expect(await restoreItemsAction({ cipherIds: selection })).toEqual({ ok: true, count: 3 });
    expect(await deleted(selection)).toEqual([false, false, false]);

    // Deleting for good needs "can manage" on organization items: the member's own go only with the rest.
    expect(await trashItemsAction({ cipherIds: selection })).toEqual({ ok: true, count: 3 });
    const inTrash = await databaseSnapshot();
    expect(await purgeItemsAction({ cipherIds: selection })).toMatchObject({
      ok: false,
      error: "Only members who manage this item's collection can delete it for good.",
    });
    expect(await databaseSnapshot()).toEqual(inTrash);
    expect(await purgeItemsAction({ cipherIds: own })).toEqual({ ok: true, count: 2 });
    expect(await db.select({ id: ciphers.id }).from(ciphers).where(inArray(ciphers.id, own))).toEqual([]);
    expect(await restoreItemsAction({ cipherIds: [shared[0]!] })).toEqual({ ok: true, count: 1 });
  });
});
