import { beforeAll, describe, expect, it } from "vitest";
import { createFolderAction, createItem } from "@/app/(vault)/vault/actions";
import { DELETE as purgeMany } from "@/app/api/ciphers/route";
import { PUT as trashMany } from "@/app/api/ciphers/delete/route";
import { PUT as moveMany } from "@/app/api/ciphers/move/route";
import { PUT as restoreMany } from "@/app/api/ciphers/restore/route";
import { GET as sync } from "@/app/api/sync/route";
import { databaseSnapshot } from "../../support/db-scan";
import { createTestUser, type TestUser } from "../../support/factories";
import { FAKE_ENC_2, FAKE_LOGIN } from "../../support/fakes";
import { signInAs } from "../../support/session";
import { callRoute, deviceToken } from "./api";

type SyncBody = {
  ciphers: { id: string; folderId: string | null; deletedDate: string | null }[];
  domains: unknown;
};

/** The bulk changes the apps make on several selected items, through the same actions as the web vault. */
describe("bulk item changes through the apps' API", () => {
  let owner: TestUser;
  let stranger: TestUser;
  let token: string;
  let itemIds: string[];
  let folderId: string;
  let strangersItem: string;

  async function newItem(): Promise<string> {
    const created = await createItem({ owner: "me", cipher: FAKE_LOGIN, folderId: null, favorite: false });
    if (!created.ok) throw new Error(created.error);
    return created.cipherId;
  }

  async function vault(query = "?excludeDomains=true"): Promise<SyncBody> {
    return (await (await callRoute(sync, `/api/sync${query}`, { token })).json()) as SyncBody;
  }

  beforeAll(async () => {
    stranger = await createTestUser();
    await signInAs(stranger.id);
    strangersItem = await newItem();
    owner = await createTestUser();
    await signInAs(owner.id);
    itemIds = [await newItem(), await newItem(), await newItem()];
    const folder = await createFolderAction({ name: FAKE_ENC_2 });
    if (!folder.ok) throw new Error(folder.error);
    folderId = folder.folderId;
    token = (await deviceToken(owner.id)).token;
  });

  it("files items in a folder, trashes them, restores them and deletes them for good", async () => {
    const move = await callRoute(moveMany, "/api/ciphers/move", {
      method: "PUT",
      token,
      body: { ids: itemIds.slice(0, 2), folderId },
    });
    expect(move.status).toBe(200);
    const filed = (await vault()).ciphers.filter((cipher) => cipher.folderId === folderId).map((cipher) => cipher.id);
    expect(filed.sort()).toEqual(itemIds.slice(0, 2).sort());

    expect(
      (await callRoute(trashMany, "/api/ciphers/delete", { method: "PUT", token, body: { ids: itemIds } })).status,
    ).toBe(200);
    expect((await vault()).ciphers.every((cipher) => cipher.deletedDate !== null)).toBe(true);

    const restored = await callRoute(restoreMany, "/api/ciphers/restore", {
      method: "PUT",
      token,
      body: { ids: itemIds },
    });
    expect(restored.status).toBe(200);
    const answer = (await restored.json()) as { object: string; data: { id: string; deletedDate: string | null }[] };
    expect(answer.object).toBe("list");
    expect(answer.data.map((cipher) => cipher.id).sort()).toEqual([...itemIds].sort());
    expect(answer.data.every((cipher) => cipher.deletedDate === null)).toBe(true);

    // Deleting for good needs no trip through the trash for the apps (Bitwarden's rule).
    expect(
      (await callRoute(purgeMany, "/api/ciphers", { method: "DELETE", token, body: { ids: itemIds } })).status,
    ).toBe(200);
    expect((await vault()).ciphers).toEqual([]);
  });

  it("refuses a batch naming someone else's item, and changes none of it", async () => {
    await signInAs(owner.id);
    const mine = await newItem();
    const before = await databaseSnapshot();
    for (const [handler, path, method] of [
      [trashMany, "/api/ciphers/delete", "PUT"],
      [purgeMany, "/api/ciphers", "DELETE"],
      [moveMany, "/api/ciphers/move", "PUT"],
    ] as const) {
      const response = await callRoute(handler, path, {
        method,
        token,
        body: { ids: [mine, strangersItem], folderId: null },
      });
      expect(response.ok).toBe(false);
    }
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("answers empty equivalent domains to apps that ask for them, and none to the CLI", async () => {
    expect((await vault("")).domains).toEqual({
      object: "domains",
      equivalentDomains: [],
      globalEquivalentDomains: [],
    });
    expect((await vault()).domains).toBeNull();
  });
});
