import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignCollectionsAction, createItem } from "@/app/(vault)/vault/actions";
import { PUT as assignThroughApi } from "@/app/api/ciphers/[cipherId]/collections_v2/route";
import { getDb } from "@/db/client";
import { collections, collectionUsers, events } from "@/db/schema";
import { databaseSnapshot } from "../support/db-scan";
import {
  addTestMember,
  collectionsOf,
  createTestOrganization,
  createTestUser,
  type TestUser,
} from "../support/factories";
import { FAKE_ENC_2, FAKE_LOGIN } from "../support/fakes";
import { signInAs } from "../support/session";
import { callRoute, deviceToken } from "./bitwarden-api/api";

/**
 * Changing one item's collections: the caller's list replaces the item's links among the collections the caller may
 * add to, and links to any other collection stay, so nobody takes an item away from people they cannot see.
 */
describe("one item's collections", () => {
  let owner: TestUser;
  let member: TestUser;
  let organizationId: string;
  /** The member edits items in `editable` and `alsoEditable`, only views `viewOnly`, and does not reach `unseen`. */
  let editable: string;
  let alsoEditable: string;
  let viewOnly: string;
  let unseen: string;

  async function newCollection(): Promise<string> {
    const db = await getDb();
    const [row] = await db.insert(collections).values({ organizationId, name: FAKE_ENC_2 }).returning();
    return row!.id;
  }

  /** An item the owner puts in the member's editable collection, the one they view and the one they do not reach. */
  async function sharedItem(): Promise<string> {
    await signInAs(owner.id);
    const created = await createItem({
      owner: "organization",
      organizationId,
      cipher: FAKE_LOGIN,
      collectionIds: [editable, viewOnly, unseen],
    });
    if (!created.ok) throw new Error(created.error);
    return created.cipherId;
  }

  beforeAll(async () => {
    owner = await createTestUser();
    member = await createTestUser();
    organizationId = await createTestOrganization("Collections Team", owner);
    const membership = await addTestMember(organizationId, member, "user");
    [editable, alsoEditable, viewOnly, unseen] = [
      await newCollection(),
      await newCollection(),
      await newCollection(),
      await newCollection(),
    ];
    const db = await getDb();
    await db.insert(collectionUsers).values([
      { organizationId, collectionId: editable, organizationUserId: membership },
      { organizationId, collectionId: alsoEditable, organizationUserId: membership },
      { organizationId, collectionId: viewOnly, organizationUserId: membership, readOnly: true },
    ]);
  });

  it("replaces only the links the member may change, keeping those to collections they view or do not reach", async () => {
    const item = await sharedItem();
    await signInAs(member.id);
    expect(await assignCollectionsAction({ cipherId: item, collectionIds: [alsoEditable] })).toEqual({ ok: true });
    expect(await collectionsOf(item)).toEqual([alsoEditable, viewOnly, unseen].sort());
    const db = await getDb();
    const recorded = await db
      .select({ actingUserId: events.actingUserId, organizationId: events.organizationId })
      .from(events)
      .where(and(eq(events.type, "cipher_collections_updated"), eq(events.cipherId, item)));
    expect(recorded).toEqual([{ actingUserId: member.id, organizationId }]);
  });

  it("refuses the whole list when it names a collection the member may not add to, changing nothing", async () => {
    const item = await sharedItem();
    const elsewhere = await newCollection();
    await signInAs(member.id);
    const before = await databaseSnapshot();
    // Even collections the item is in already: the list is the member's part of the links, nothing else.
    for (const refused of [viewOnly, unseen, elsewhere])
      expect(await assignCollectionsAction({ cipherId: item, collectionIds: [alsoEditable, refused] })).toMatchObject({
        ok: false,
        error: "You cannot add items to some of these collections.",
        fieldErrors: { collectionIds: "You cannot add items to some of these collections." },
      });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("lets an owner, who may add to every collection, set the whole list", async () => {
    const item = await sharedItem();
    expect(await assignCollectionsAction({ cipherId: item, collectionIds: [alsoEditable] })).toEqual({ ok: true });
    expect(await collectionsOf(item)).toEqual([alsoEditable]);
  });

  it("keeps the same links when the apps change the collections through the API", async () => {
    const item = await sharedItem();
    const { token } = await deviceToken(member.id);
    const response = await callRoute(assignThroughApi, `/api/ciphers/${item}/collections_v2`, {
      method: "PUT",
      token,
      params: { cipherId: item },
      body: { collectionIds: [alsoEditable] },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ object: "optionalCipherDetails", unavailable: false });
    expect(await collectionsOf(item)).toEqual([alsoEditable, viewOnly, unseen].sort());
  });
});
