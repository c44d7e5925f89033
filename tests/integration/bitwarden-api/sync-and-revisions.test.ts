import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCollectionAction,
  updateCollectionAction,
} from "@/app/(console)/organizations/[organizationId]/collections/actions";
import { createGroupAction, updateGroupAction } from "@/app/(console)/organizations/[organizationId]/groups/actions";
import { createItem, updateItemAction } from "@/app/(vault)/vault/actions";
import { GET as revisionDate } from "@/app/api/accounts/revision-date/route";
import { POST as createCipher } from "@/app/api/ciphers/route";
import { GET as sync } from "@/app/api/sync/route";
import { POST as collect } from "@/app/events/collect/route";
import { getDb } from "@/db/client";
import { events, policies, users } from "@/db/schema";
import { type DemoIds, loadDemo } from "../../support/demo";
import { addTestMember, createTestOrganization, createTestUser, type TestUser } from "../../support/factories";
import { FAKE_ENC_2, FAKE_LOGIN } from "../../support/fakes";
import { countQueries } from "../../support/queries";
import { signInAs } from "../../support/session";
import { callRoute, deviceToken } from "./api";

type SyncCipher = {
  id: string;
  organizationId: string | null;
  collectionIds: string[];
  edit: boolean;
  viewPassword: boolean;
  login: { password: string | null; totp: string | null } | null;
};
type SyncBody = {
  profile: {
    key: string;
    securityStamp: string;
    accountKeys: { publicKeyEncryptionKeyPair: { publicKey: string; wrappedPrivateKey: string } };
    organizations: { id: string; key: string | null; type: number; status: number }[];
    providers: { id: string; key: string | null }[];
    providerOrganizations: { id: string; key: string | null }[];
  };
  collections: { id: string; readOnly: boolean; hidePasswords: boolean; manage: boolean }[];
  ciphers: SyncCipher[];
  policies: { id: string; organizationId: string; revisionDate: string }[];
};

async function syncOf(token: string): Promise<SyncBody> {
  const response = await callRoute(sync, "/api/sync", { token });
  expect(response.status).toBe(200);
  return (await response.json()) as SyncBody;
}

async function revisionOf(token: string): Promise<number> {
  const response = await callRoute(revisionDate, "/api/accounts/revision-date", { token });
  expect(response.status).toBe(200);
  const body: unknown = await response.json();
  expect(typeof body).toBe("number");
  return body as number;
}

/** Lets the clock pass a millisecond, so a bump is visible in a date counted in milliseconds. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

const WITH_TOTP = {
  ...FAKE_LOGIN,
  data: { ...FAKE_LOGIN.data, login: { ...FAKE_LOGIN.data.login!, totp: FAKE_ENC_2 } },
};

async function organizationItem(organizationId: string, collectionIds: string[], cipher = FAKE_LOGIN) {
  const created = await createItem({ owner: "organization", organizationId, cipher, collectionIds, folderId: null });
  if (!created.ok) throw new Error(created.error);
  return created.cipherId;
}

async function collection(organizationId: string, members: { id: string; level: string }[]) {
  const created = await createCollectionAction({
    organizationId,
    name: FAKE_ENC_2,
    members: members as never,
    groups: [],
  });
  if (!created.ok) throw new Error(created.error);
  return created.collectionId;
}

describe("sync for a provider's admin", () => {
  let demo: DemoIds;
  beforeAll(async () => {
    demo = await loadDemo();
  });

  it("lists the provider and its clients with their keys, and none of the clients' items", async () => {
    const { token } = await deviceToken(demo.users.admin);
    const body = await syncOf(token);
    expect(body.profile.providers).toEqual([
      expect.objectContaining({ id: demo.providerId, key: expect.stringMatching(/^4\./) }),
    ]);
    const clients = [demo.client1, demo.client2, demo.client3];
    for (const client of clients) {
      expect(body.profile.providerOrganizations).toContainEqual(
        expect.objectContaining({ id: client, key: expect.stringMatching(/^\d\./) }),
      );
    }
    expect(body.ciphers.filter((item) => clients.includes(item.organizationId ?? ""))).toEqual([]);
  });
});

describe("sync and revision date for a member", () => {
  let owner: TestUser;
  let member: TestUser;
  let organizationId: string;
  let memberRowId: string;
  let direct: string;
  let hidden: string;
  let viaGroup: string;
  let groupId: string;
  let editable: string;
  let passwordless: string;
  let grouped: string;
  let policyId: string;
  let token: string;

  beforeAll(async () => {
    owner = await createTestUser();
    member = await createTestUser();
    organizationId = await createTestOrganization("Sync Org", owner);
    memberRowId = await addTestMember(organizationId, member, "user");
    const pending = await createTestOrganization("Pending Org", owner);
    await addTestMember(pending, member, "user", "accepted");
    await signInAs(owner.id);
    direct = await collection(organizationId, [{ id: memberRowId, level: "edit" }]);
    hidden = await collection(organizationId, [{ id: memberRowId, level: "view_except_passwords" }]);
    viaGroup = await collection(organizationId, []);
    const group = await createGroupAction({
      organizationId,
      name: "Readers",
      memberIds: [memberRowId],
      collections: [{ collectionId: viaGroup, level: "view" }],
    });
    if (!group.ok) throw new Error(group.error);
    groupId = group.groupId;
    editable = await organizationItem(organizationId, [direct]);
    passwordless = await organizationItem(organizationId, [hidden], WITH_TOTP);
    grouped = await organizationItem(organizationId, [viaGroup]);
    const db = await getDb();
    const [policy] = await db
      .insert(policies)
      .values({ organizationId, type: "single_org", enabled: true })
      .returning({ id: policies.id });
    policyId = policy!.id;
    token = (await deviceToken(member.id)).token;
  });

  it("answers the profile, organizations, collections, items and policies as the member may see them", async () => {
    const body = await syncOf(token);
    const db = await getDb();
    const [row] = await db.select({ stamp: users.securityStamp }).from(users).where(eq(users.id, member.id));
    expect(body.profile).toMatchObject({
      key: member.keys.key,
      securityStamp: row!.stamp,
      accountKeys: {
        publicKeyEncryptionKeyPair: { publicKey: member.keys.publicKey, wrappedPrivateKey: member.keys.privateKey },
      },
    });
    expect(body.profile.organizations).toHaveLength(2);
    expect(body.profile.organizations.find((org) => org.id === organizationId)).toMatchObject({
      key: expect.stringMatching(/^4\./),
      type: 2,
      status: 2,
    });
    // Accepted but not yet confirmed: no organization key.
    expect(body.profile.organizations.find((org) => org.id !== organizationId)).toMatchObject({
      key: null,
      type: 2,
      status: 1,
    });
    const collections = Object.fromEntries(body.collections.map((entry) => [entry.id, entry]));
    expect(collections[direct]).toMatchObject({ readOnly: false, hidePasswords: false, manage: false });
    expect(collections[hidden]).toMatchObject({ readOnly: true, hidePasswords: true, manage: false });
    expect(collections[viaGroup]).toMatchObject({ readOnly: true, hidePasswords: false, manage: false });

    const items = Object.fromEntries(body.ciphers.map((item) => [item.id, item]));
    expect(items[editable]).toMatchObject({ collectionIds: [direct], edit: true, viewPassword: true });
    expect(items[editable]!.login!.password).toBe(FAKE_ENC_2);
    expect(items[passwordless]).toMatchObject({ collectionIds: [hidden], edit: false, viewPassword: false });
    expect(items[passwordless]!.login).toMatchObject({ password: null, totp: null });
    expect(items[grouped]).toMatchObject({ collectionIds: [viaGroup], edit: false, viewPassword: true });
    expect(body.policies).toContainEqual(
      expect.objectContaining({ id: policyId, organizationId, revisionDate: expect.any(String) }),
    );
  });

  it("moves the revision date for the member's changes and losses of access, not for views or others", async () => {
    const moves = async (what: string, change: () => Promise<unknown>, expected: boolean) => {
      const before = await revisionOf(token);
      await tick();
      await change();
      const after = await revisionOf(token);
      expect({ what, moved: after > before }).toEqual({ what, moved: expected });
    };

    await moves(
      "own item created",
      async () => {
        const response = await callRoute(createCipher, "/api/ciphers", {
          method: "POST",
          token,
          body: { type: 1, name: FAKE_ENC_2, login: { username: FAKE_ENC_2, password: FAKE_ENC_2 } },
        });
        expect(response.status).toBe(200);
      },
      true,
    );
    await moves(
      "organization item changed",
      async () => {
        await signInAs(owner.id);
        expect(await updateItemAction({ cipherId: editable, cipher: WITH_TOTP, folderId: null })).toMatchObject({
          ok: true,
        });
      },
      true,
    );
    await moves(
      "item viewed",
      async () => {
        const db = await getDb();
        const seen = async () =>
          (await db.select().from(events).where(eq(events.cipherId, editable))).filter(
            (event) => event.type === "cipher_viewed",
          ).length;
        const viewsBefore = await seen();
        const response = await callRoute(collect, "/events/collect", {
          method: "POST",
          token,
          body: [{ type: 1107, cipherId: editable }],
        });
        expect(response.status).toBe(200);
        expect(await seen()).toBe(viewsBefore + 1);
      },
      false,
    );
    await moves(
      "another organization's item changed",
      async () => {
        const stranger = await createTestUser();
        const elsewhere = await createTestOrganization("Elsewhere", stranger);
        await signInAs(stranger.id);
        const otherCollection = await collection(elsewhere, []);
        await organizationItem(elsewhere, [otherCollection]);
      },
      false,
    );
    await moves(
      "direct access removed",
      async () => {
        await signInAs(owner.id);
        const removed = await updateCollectionAction({
          organizationId,
          collectionId: direct,
          name: FAKE_ENC_2,
          members: [],
          groups: [],
        });
        expect(removed).toMatchObject({ ok: true });
      },
      true,
    );
    await moves(
      "removed from the group",
      async () => {
        await signInAs(owner.id);
        const removed = await updateGroupAction({
          organizationId,
          groupId,
          name: "Readers",
          memberIds: [],
          collections: [{ collectionId: viaGroup, level: "view" }],
        });
        expect(removed).toMatchObject({ ok: true });
      },
      true,
    );
    const after = await syncOf(token);
    const ids = after.ciphers.map((item) => item.id);
    expect(ids).not.toContain(editable);
    expect(ids).not.toContain(grouped);
    expect(ids).toContain(passwordless);
    expect(after.collections.map((entry) => entry.id)).toEqual([hidden]);
  });
});

describe("the sync's query budget", () => {
  it("is the same for 1 and for 50 items", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    const addItems = async (count: number) => {
      for (let index = 0; index < count; index++) {
        const created = await createItem({ owner: "me", cipher: FAKE_LOGIN, folderId: null });
        if (!created.ok) throw new Error(created.error);
      }
    };
    const { token } = await deviceToken(user.id);
    await addItems(1);
    const atOne = await countQueries(() => syncOf(token));
    await addItems(49);
    const atFifty = await countQueries(async () => expect((await syncOf(token)).ciphers).toHaveLength(50));
    expect(atOne).toBeGreaterThan(0);
    expect(atFifty).toBe(atOne);
  });
});
