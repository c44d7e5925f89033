import { beforeAll, describe, expect, it } from "vitest";
import { createCollectionAction } from "@/app/(console)/organizations/[organizationId]/collections/actions";
import { createItem } from "@/app/(vault)/vault/actions";
import { PUT as shareMany } from "@/app/api/ciphers/share/route";
import { databaseSnapshot } from "../../support/db-scan";
import { createTestOrganization, createTestUser, type TestUser } from "../../support/factories";
import { FAKE_ENC_2, FAKE_LOGIN } from "../../support/fakes";
import { signInAs } from "../../support/session";
import { callRoute, deviceToken } from "./api";

type Listed = { data: { id: string; organizationId: string | null; collectionIds: string[]; futurePart?: string }[] };

/** CipherBulkShareRequest (PUT /api/ciphers/share): the apps' bulk move of personal items into an organization. */
describe("moving several items into an organization through the apps' API", () => {
  let owner: TestUser;
  let stranger: TestUser;
  let token: string;
  let organizationId: string;
  let collectionId: string;
  let strangersItem: string;

  async function newItem(): Promise<string> {
    const created = await createItem({ owner: "me", cipher: FAKE_LOGIN, folderId: null, favorite: false });
    if (!created.ok) throw new Error(created.error);
    return created.cipherId;
  }

  /** Each item as the app sends it, re-encrypted for the organization (here: fake ciphertext, all the server sees). */
  const sent = (id: string, organization = organizationId) => ({
    id,
    type: 1,
    organizationId: organization,
    name: FAKE_ENC_2,
    notes: null,
    futurePart: FAKE_ENC_2,
    login: { username: FAKE_ENC_2, password: FAKE_ENC_2, uris: [] },
  });

  beforeAll(async () => {
    stranger = await createTestUser();
    await signInAs(stranger.id);
    strangersItem = await newItem();
    owner = await createTestUser();
    organizationId = await createTestOrganization("Bulk share", owner);
    await signInAs(owner.id);
    const collection = await createCollectionAction({ organizationId, name: FAKE_ENC_2, members: [], groups: [] });
    if (!collection.ok) throw new Error(collection.error);
    collectionId = collection.collectionId;
    token = (await deviceToken(owner.id)).token;
  });

  it("moves them all into the organization and its collections, answering them as stored", async () => {
    const ids = [await newItem(), await newItem()];
    const response = await callRoute(shareMany, "/api/ciphers/share", {
      method: "PUT",
      token,
      body: { ciphers: ids.map((id) => sent(id)), collectionIds: [collectionId] },
    });
    expect(response.status).toBe(200);
    const listed = (await response.json()) as Listed;
    expect(listed.data.map((cipher) => cipher.id).sort()).toEqual([...ids].sort());
    for (const cipher of listed.data) {
      expect(cipher.organizationId).toBe(organizationId);
      expect(cipher.collectionIds).toEqual([collectionId]);
      expect(cipher.futurePart).toBe(FAKE_ENC_2);
    }
  });

  it("moves none when one of them cannot move: another user's item, a malformed one, an organization they are not in", async () => {
    const mine = await newItem();
    const attempts = [
      [sent(mine), sent(strangersItem)],
      [sent(mine), { ...sent(await newItem()), name: "plaintext" }],
      [sent(mine), sent(await newItem(), crypto.randomUUID())],
    ];
    const start = await databaseSnapshot();
    for (const ciphers of attempts) {
      const response = await callRoute(shareMany, "/api/ciphers/share", {
        method: "PUT",
        token,
        body: { ciphers, collectionIds: [collectionId] },
      });
      expect(response.ok).toBe(false);
    }
    expect(await databaseSnapshot()).toEqual(start);
  });

  it("refuses an item already in an organization, and leaves the others where they were", async () => {
    const moved = await newItem();
    const first = await callRoute(shareMany, "/api/ciphers/share", {
      method: "PUT",
      token,
      body: { ciphers: [sent(moved)], collectionIds: [collectionId] },
    });
    expect(first.status).toBe(200);
    const other = await newItem();
    const start = await databaseSnapshot();
    const again = await callRoute(shareMany, "/api/ciphers/share", {
      method: "PUT",
      token,
      body: { ciphers: [sent(other), sent(moved)], collectionIds: [collectionId] },
    });
    expect(again.ok).toBe(false);
    expect(await databaseSnapshot()).toEqual(start);
  });
});
