import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as webAttachment from "@/app/(vault)/vault/attachments/[cipherId]/[attachmentId]/route";
import { createAttachmentAction, createItem, moveItemToOrganizationAction } from "@/app/(vault)/vault/actions";
import * as attachmentLink from "@/app/api/attachments/[cipherId]/[attachmentId]/route";
import * as cipherAttachmentDelete from "@/app/api/ciphers/[cipherId]/attachment/[attachmentId]/delete/route";
import * as cipherAttachment from "@/app/api/ciphers/[cipherId]/attachment/[attachmentId]/route";
import * as cipherAttachmentV2 from "@/app/api/ciphers/[cipherId]/attachment/v2/route";
import * as cipher from "@/app/api/ciphers/[cipherId]/route";
import { GET as sync } from "@/app/api/sync/route";
import { getDb } from "@/db/client";
import { attachmentContents, attachments, ciphers, collectionGroups, collectionUsers, events } from "@/db/schema";
import { signedAttachmentUrl } from "@/lib/auth/attachment-link";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { FAKE_ENC_2, FAKE_LOGIN, UNKNOWN_ID } from "../support/fakes";
import { countQueries } from "../support/queries";
import { signInAs } from "../support/session";
import { attachmentUpload, callRoute, deviceToken, type RouteHandler, uploadAttachment } from "./bitwarden-api/api";

type AttachmentBody = { id: string; url: string; fileName: string; key: string; size: string; sizeName: string };
type CipherBody = { id: string; revisionDate: string; attachments: AttachmentBody[] | null };

const handler = (module: Record<string, unknown>, method: string) => module[method] as RouteHandler;

function announce(token: string, cipherId: string, fileSize: number) {
  return callRoute(handler(cipherAttachmentV2, "POST"), `/api/ciphers/${cipherId}/attachment/v2`, {
    method: "POST",
    token,
    params: { cipherId },
    body: { key: FAKE_ENC_2, fileName: FAKE_ENC_2, fileSize, adminRequest: false },
  });
}

function onAttachment(method: "GET" | "POST" | "DELETE", token: string, cipherId: string, attachmentId: string) {
  return callRoute(handler(cipherAttachment, method), `/api/ciphers/${cipherId}/attachment/${attachmentId}`, {
    method,
    token,
    params: { cipherId, attachmentId },
    body: method === "POST" ? attachmentUpload() : undefined,
  });
}

/** Fetches a download link as the apps do: no token, the link's own signature. */
function download(url: string) {
  const { pathname, search } = new URL(url);
  const [, , , cipherId, attachmentId] = pathname.split("/");
  return callRoute(handler(attachmentLink, "GET"), `${pathname}${search}`, {
    params: { cipherId: cipherId!, attachmentId: attachmentId! },
  });
}

async function getItem(token: string, cipherId: string): Promise<CipherBody> {
  const response = await callRoute(handler(cipher, "GET"), `/api/ciphers/${cipherId}`, { token, params: { cipherId } });
  expect(response.status).toBe(200);
  return (await response.json()) as CipherBody;
}

async function storedFor(cipherId: string) {
  const db = await getDb();
  return db
    .select({ id: attachments.id, stored: attachmentContents.attachmentId })
    .from(attachments)
    .leftJoin(attachmentContents, eq(attachmentContents.attachmentId, attachments.id))
    .where(eq(attachments.cipherId, cipherId));
}

describe("attachments", () => {
  let demo: DemoIds;
  const tokens: Record<"owner" | "member" | "otherOwner" | "providerAdmin", string> = {
    owner: "",
    member: "",
    otherOwner: "",
    providerAdmin: "",
  };

  beforeAll(async () => {
    demo = await loadDemo();
    tokens.owner = (await deviceToken(demo.users.owner1)).token;
    tokens.member = (await deviceToken(demo.users.user1)).token;
    tokens.otherOwner = (await deviceToken(demo.users.owner2)).token;
    tokens.providerAdmin = (await deviceToken(demo.users.admin)).token;
  });

  it("round trip: announce, upload, list in the item and the sync, download through the signed link", async () => {
    const cipherId = demo.client1Items[0]!;
    const before = await getItem(tokens.owner, cipherId);
    const bytes = new Uint8Array(randomBytes(1500));

    const announced = await announce(tokens.owner, cipherId, bytes.byteLength);
    expect(announced.status).toBe(200);
    const answer = (await announced.json()) as {
      attachmentId: string;
      fileUploadType: number;
      url: string;
      cipherResponse: CipherBody;
    };
    expect(answer.fileUploadType).toBe(0);
    expect(answer.attachmentId).toMatch(/^[0-9a-f-]{36}$/);
    // The apps keep this item: it lists the file already.
    expect(answer.cipherResponse.attachments?.map((file) => file.id)).toEqual([answer.attachmentId]);
    // Not listed elsewhere until its bytes are there.
    expect((await getItem(tokens.owner, cipherId)).attachments).toBeNull();

    const uploaded = await callRoute(
      handler(cipherAttachment, "POST"),
      `/api/ciphers/${cipherId}/attachment/${answer.attachmentId}`,
      {
        method: "POST",
        token: tokens.owner,
        params: { cipherId, attachmentId: answer.attachmentId },
        body: attachmentUpload(bytes),
      },
    );
    expect(uploaded.status).toBe(200);

    const item = await getItem(tokens.owner, cipherId);
    expect(item.attachments).toEqual([
      {
        object: "attachment",
        id: answer.attachmentId,
        url: expect.stringContaining(`/api/attachments/${cipherId}/${answer.attachmentId}?token=`),
        fileName: FAKE_ENC_2,
        key: FAKE_ENC_2,
        size: "1500",
        sizeName: "1.46 KB",
      },
    ]);
    expect(Date.parse(item.revisionDate)).toBeGreaterThan(Date.parse(before.revisionDate));

    const got = await onAttachment("GET", tokens.owner, cipherId, answer.attachmentId);
    expect(got.status).toBe(200);
    const link = (await got.json()) as AttachmentBody;
    const fetched = await download(link.url);
    expect(fetched.status).toBe(200);
    expect(new Uint8Array(await fetched.arrayBuffer())).toEqual(bytes);

    const synced = (await (await callRoute(sync, "/api/sync", { token: tokens.owner })).json()) as {
      ciphers: CipherBody[];
    };
    expect(synced.ciphers.find((entry) => entry.id === cipherId)?.attachments?.map((file) => file.id)).toEqual([
      answer.attachmentId,
    ]);
    expect(synced.ciphers.filter((entry) => entry.id !== cipherId).every((entry) => entry.attachments === null)).toBe(
      true,
    );

    const db = await getDb();
    const recorded = await db
      .select({ type: events.type, organizationId: events.organizationId })
      .from(events)
      .where(eq(events.cipherId, cipherId));
    expect(recorded).toEqual(
      expect.arrayContaining([
        { type: "cipher_attachment_announced", organizationId: demo.client1 },
        { type: "cipher_attachment_created", organizationId: demo.client1 },
      ]),
    );
  });

  it("keeps the sync's number of queries whatever the number of attachments", async () => {
    const count = () => countQueries(() => callRoute(sync, "/api/sync", { token: tokens.owner }));
    const before = await count();
    await uploadAttachment(tokens.owner, demo.client1Items[1]!);
    await uploadAttachment(tokens.owner, demo.client1Items[1]!);
    expect(await count()).toBe(before);
  });

  it("refuses a file over the limit in Bitwarden's error shape, and an upload that is not the size announced", async () => {
    const cipherId = demo.client1Items[0]!;
    const over = await announce(tokens.owner, cipherId, 100 * 1024 * 1024 + 1);
    expect(over.status).toBe(400);
    expect(await over.json()).toEqual({ object: "error", message: "Max file size is 100 MB.", validationErrors: null });

    vi.stubEnv("KEYHOUSE_MAX_ATTACHMENT_MB", "1");
    try {
      const overLowered = await announce(tokens.owner, cipherId, 1024 * 1024 + 1);
      expect(((await overLowered.json()) as { message: string }).message).toBe("Max file size is 1 MB.");
      expect((await announce(tokens.owner, cipherId, 1024 * 1024)).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
    }

    const announced = (await (await announce(tokens.owner, cipherId, 99)).json()) as { attachmentId: string };
    const before = await databaseSnapshot();
    // attachmentUpload() sends 16 bytes.
    const wrongSize = await onAttachment("POST", tokens.owner, cipherId, announced.attachmentId);
    expect(wrongSize.status).toBe(400);
    expect(((await wrongSize.json()) as { message: string }).message).toBe(
      "The file received does not match the size announced for it.",
    );
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("lets a member who may only view download files, but not add or delete them", async () => {
    const cipherId = demo.client1Items[2]!;
    const attachmentId = await uploadAttachment(tokens.owner, cipherId);
    const db = await getDb();
    // user1 reaches the collection directly and through the "Staff" group: both grants become read-only.
    await db
      .update(collectionUsers)
      .set({ readOnly: true })
      .where(eq(collectionUsers.organizationUserId, demo.organizationUsers.user1));
    await db.update(collectionGroups).set({ readOnly: true }).where(eq(collectionGroups.groupId, demo.client1Group));
    try {
      const before = await databaseSnapshot();
      const refused = await announce(tokens.member, cipherId, 16);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toBe("You can view this item but not change it.");
      expect((await onAttachment("DELETE", tokens.member, cipherId, attachmentId)).status).toBe(400);
      expect(await databaseSnapshot()).toEqual(before);

      const got = await onAttachment("GET", tokens.member, cipherId, attachmentId);
      expect(got.status).toBe(200);
      expect((await download(((await got.json()) as AttachmentBody).url)).status).toBe(200);
    } finally {
      await db
        .update(collectionUsers)
        .set({ readOnly: false })
        .where(eq(collectionUsers.organizationUserId, demo.organizationUsers.user1));
      await db.update(collectionGroups).set({ readOnly: false }).where(eq(collectionGroups.groupId, demo.client1Group));
    }
  });

  it("answers 404 to another tenant and to provider members, and to links that are not the server's", async () => {
    const cipherId = demo.client1Items[0]!;
    const attachmentId = await uploadAttachment(tokens.owner, cipherId);
    const before = await databaseSnapshot();
    for (const token of [tokens.otherOwner, tokens.providerAdmin]) {
      expect((await announce(token, cipherId, 16)).status).toBe(404);
      for (const method of ["GET", "POST", "DELETE"] as const)
        expect({ method, status: (await onAttachment(method, token, cipherId, attachmentId)).status }).toEqual({
          method,
          status: 404,
        });
      const deleted = await callRoute(
        handler(cipherAttachmentDelete, "POST"),
        `/api/ciphers/${cipherId}/attachment/${attachmentId}/delete`,
        { method: "POST", token, params: { cipherId, attachmentId } },
      );
      expect(deleted.status).toBe(404);
    }
    expect(await databaseSnapshot()).toEqual(before);

    const good = new URL(signedAttachmentUrl(cipherId, attachmentId));
    expect((await download(good.href)).status).toBe(200);
    const expired = signedAttachmentUrl(cipherId, attachmentId, Date.now() - 10 * 60 * 1000);
    const tampered = `${good.href.slice(0, -3)}AAA`;
    const otherFile = signedAttachmentUrl(cipherId, UNKNOWN_ID).replace(UNKNOWN_ID, attachmentId);
    const noToken = good.href.replace(good.search, "");
    for (const url of [expired, tampered, otherFile, noToken]) expect((await download(url)).status).toBe(404);
  });

  it("the web vault downloads and uploads with its session, under the same rules", async () => {
    const cipherId = demo.client1Items[0]!;
    const bytes = new Uint8Array(randomBytes(64));
    await signInAs(demo.users.owner1);
    const created = await createAttachmentAction({ cipherId, fileName: FAKE_ENC_2, key: FAKE_ENC_2, size: 64 });
    if (!created.ok) throw new Error(created.error);
    const params = { cipherId, attachmentId: created.attachmentId };
    const path = `/vault/attachments/${cipherId}/${created.attachmentId}`;
    const form = new FormData();
    form.append("data", new Blob([bytes]), "file");
    const posted = await webAttachment.POST(new Request(`https://localhost${path}`, { method: "POST", body: form }), {
      params: Promise.resolve(params),
    });
    expect(posted.status).toBe(200);
    const got = await webAttachment.GET(new Request(`https://localhost${path}`), { params: Promise.resolve(params) });
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);

    await signInAs(demo.users.owner2);
    const foreign = await webAttachment.GET(new Request(`https://localhost${path}`), {
      params: Promise.resolve(params),
    });
    expect(foreign.status).toBe(404);
  });

  it("deletes a file with its bytes, and every file with an item deleted for good", async () => {
    const cipherId = demo.client1Items[3]!;
    const kept = await uploadAttachment(tokens.owner, cipherId);
    const dropped = await uploadAttachment(tokens.owner, cipherId);
    const response = await onAttachment("DELETE", tokens.owner, cipherId, dropped);
    expect(response.status).toBe(200);
    const { cipher: after } = (await response.json()) as { cipher: CipherBody };
    expect(after.attachments?.map((file) => file.id)).toEqual([kept]);
    expect((await storedFor(cipherId)).map((row) => row.id)).toEqual([kept]);

    const purged = await callRoute(handler(cipher, "DELETE"), `/api/ciphers/${cipherId}`, {
      method: "DELETE",
      token: tokens.owner,
      params: { cipherId },
    });
    expect(purged.status).toBe(200);
    expect(await storedFor(cipherId)).toEqual([]);
    const db = await getDb();
    expect(await db.select().from(attachmentContents).where(eq(attachmentContents.attachmentId, kept))).toEqual([]);
  });

  it("does not move an item with attachments into an organization (their keys are the owner's)", async () => {
    await signInAs(demo.users.owner1);
    const created = await createItem({ owner: "me", cipher: FAKE_LOGIN, folderId: null, favorite: false });
    if (!created.ok) throw new Error(created.error);
    await uploadAttachment(tokens.owner, created.cipherId);
    const moved = await moveItemToOrganizationAction({
      cipherId: created.cipherId,
      organizationId: demo.client1,
      cipher: FAKE_LOGIN,
      collectionIds: [demo.client1Collection],
    });
    expect(moved).toMatchObject({ ok: false, error: expect.stringContaining("attachments") });
    const db = await getDb();
    const [row] = await db
      .select({ organizationId: ciphers.organizationId })
      .from(ciphers)
      .where(and(eq(ciphers.id, created.cipherId)));
    expect(row?.organizationId).toBeNull();
  });
});
