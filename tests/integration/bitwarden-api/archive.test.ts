import { beforeAll, describe, expect, it } from "vitest";
import { createItem, trashItemsAction } from "@/app/(vault)/vault/actions";
import { PUT as archiveOne } from "@/app/api/ciphers/[cipherId]/archive/route";
import { PUT as unarchiveOne } from "@/app/api/ciphers/[cipherId]/unarchive/route";
import { PUT as archiveMany } from "@/app/api/ciphers/archive/route";
import { PUT as unarchiveMany } from "@/app/api/ciphers/unarchive/route";
import { GET as sync } from "@/app/api/sync/route";
import { getDb } from "@/db/client";
import { events } from "@/db/schema";
import { eq } from "drizzle-orm";
import { createTestUser, type TestUser } from "../../support/factories";
import { FAKE_LOGIN } from "../../support/fakes";
import { signInAs } from "../../support/session";
import { callRoute, deviceToken } from "./api";

type Listed = { data: { id: string; archivedDate: string | null }[] };

/** Bitwarden's archive, as the CLI uses it (`bw archive item`, PUT /api/ciphers/archive and /unarchive). */
describe("archiving items through the apps' API", () => {
  let owner: TestUser;
  let stranger: TestUser;
  let token: string;
  let strangersItem: string;

  async function newItem(): Promise<string> {
    const created = await createItem({ owner: "me", cipher: FAKE_LOGIN, folderId: null, favorite: false });
    if (!created.ok) throw new Error(created.error);
    return created.cipherId;
  }

  async function archivedDateInSync(id: string): Promise<string | null> {
    const body = (await (await callRoute(sync, "/api/sync", { token })).json()) as Listed & {
      ciphers: { id: string; archivedDate: string | null }[];
    };
    return body.ciphers.find((cipher) => cipher.id === id)!.archivedDate;
  }

  beforeAll(async () => {
    stranger = await createTestUser();
    await signInAs(stranger.id);
    strangersItem = await newItem();
    owner = await createTestUser();
    await signInAs(owner.id);
    token = (await deviceToken(owner.id)).token;
  });

  it("archives and unarchives several items, answering them with their archive date", async () => {
    const ids = [await newItem(), await newItem()];
    const archived = await callRoute(archiveMany, "/api/ciphers/archive", { method: "PUT", token, body: { ids } });
    expect(archived.status).toBe(200);
    const listed = (await archived.json()) as Listed;
    expect(listed.data.map((cipher) => cipher.id).sort()).toEqual([...ids].sort());
    for (const cipher of listed.data) expect(Date.parse(cipher.archivedDate!)).not.toBeNaN();
    expect(await archivedDateInSync(ids[0]!)).toBe(listed.data.find((cipher) => cipher.id === ids[0])!.archivedDate);

    const db = await getDb();
    const recorded = await db.select().from(events).where(eq(events.cipherId, ids[0]!));
    expect(recorded.map((event) => event.type)).toContain("cipher_archived");

    const back = await callRoute(unarchiveMany, "/api/ciphers/unarchive", { method: "PUT", token, body: { ids } });
    expect(back.status).toBe(200);
    for (const cipher of ((await back.json()) as Listed).data) expect(cipher.archivedDate).toBeNull();
    expect(await archivedDateInSync(ids[0]!)).toBeNull();
  });

  it("archives one item by its own route", async () => {
    const id = await newItem();
    const one = await callRoute(archiveOne, `/api/ciphers/${id}/archive`, {
      method: "PUT",
      token,
      params: { cipherId: id },
    });
    expect(one.status).toBe(200);
    expect(((await one.json()) as { archivedDate: string | null }).archivedDate).not.toBeNull();
    const back = await callRoute(unarchiveOne, `/api/ciphers/${id}/unarchive`, {
      method: "PUT",
      token,
      params: { cipherId: id },
    });
    expect(((await back.json()) as { archivedDate: string | null }).archivedDate).toBeNull();
  });

  // A list with another user's item is refused whole, as the other bulk routes do; the single route answers 404.
  it("refuses another user's item, all or nothing", async () => {
    const mine = await newItem();
    const foreign = await callRoute(archiveMany, "/api/ciphers/archive", {
      method: "PUT",
      token,
      body: { ids: [mine, strangersItem] },
    });
    expect(foreign.ok).toBe(false);
    expect(await archivedDateInSync(mine)).toBeNull();
    const single = await callRoute(archiveOne, `/api/ciphers/${strangersItem}/archive`, {
      method: "PUT",
      token,
      params: { cipherId: strangersItem },
    });
    expect(single.status).toBe(404);
  });

  it("refuses to archive an item in the trash, as the CLI says", async () => {
    const id = await newItem();
    expect((await trashItemsAction({ cipherIds: [id] })).ok).toBe(true);
    const refused = await callRoute(archiveMany, "/api/ciphers/archive", { method: "PUT", token, body: { ids: [id] } });
    expect(refused.status).toBe(400);
  });
});
