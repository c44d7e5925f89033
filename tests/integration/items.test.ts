import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  assignCollectionsAction,
  createFolderAction,
  createItem,
  deleteFolderAction,
  moveItemToOrganizationAction,
  purgeItemsAction,
  restoreItemsAction,
  setItemStateAction,
  trashItemsAction,
  updateItemAction,
} from "@/app/(vault)/vault/actions";
import { getDb } from "@/db/client";
import { ciphers, cipherUserStates, collectionGroups, collectionUsers, organizationUsers, policies } from "@/db/schema";
import { encryptString, type SymmetricKey } from "@/lib/crypto";
import { requireUser } from "@/lib/authz/scope";
import { purgeExpiredTrash } from "@/lib/dal/item-writes";
import { listVaultItems } from "@/lib/dal/items";
import { decryptCipher, encryptCipher } from "@/lib/vault/cipher-crypto";
import { newCipher } from "@/lib/vault/cipher-model";
import { CIPHER_TYPES } from "@/lib/enums";
import { databaseSnapshot, findPlaintext } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestUser, type TestUser } from "../support/factories";
import { memberOrganizationKey, unlockAs } from "../support/keys";
import { signInAs } from "../support/session";
import { samplePasskey } from "../support/passkey";

function login(name: string, password: string) {
  const item = newCipher("login", name);
  item.login = {
    ...item.login!,
    username: `${name}-user`,
    password,
    uris: [{ uri: `https://${name}.example`, match: null }],
  };
  return item;
}

describe("vault items", () => {
  let demo: DemoIds;
  let person: TestUser;
  let client1Key: SymmetricKey;

  beforeAll(async () => {
    demo = await loadDemo();
    person = await createTestUser();
    client1Key = await memberOrganizationKey(await unlockAs("owner@client1.example", "keyhouse-demo"), demo.client1);
  });

  it("creates a personal item of every type, edits it, and keeps it out of the database in plaintext", async () => {
    await signInAs(person.id);
    for (const type of CIPHER_TYPES) {
      const view = newCipher(type, `my ${type} item`);
      const result = await createItem({ owner: "me", cipher: await encryptCipher(view, person.keys.userKey) });
      expect(result, type).toMatchObject({ ok: true });
    }
    const { items } = await listVaultItems(await requireUser());
    expect(items).toHaveLength(CIPHER_TYPES.length);
    const first = items.find((item) => item.type === "login")!;
    const edited = login("edited", "edited-password-1");
    expect(
      await updateItemAction({
        cipherId: first.id,
        cipher: await encryptCipher(edited, person.keys.userKey),
        favorite: true,
      }),
    ).toEqual({ ok: true });
    const after = (await listVaultItems(await requireUser())).items.find((item) => item.id === first.id)!;
    expect(after.favorite).toBe(true);
    expect((await decryptCipher(after, person.keys.userKey)).login?.password).toBe("edited-password-1");
    expect(await findPlaintext(["my login item", "edited-password-1", "edited-user"])).toEqual([]);
  });

  it("files items in the user's own folders; deleting a folder keeps its items", async () => {
    await signInAs(person.id);
    const folder = await createFolderAction({ name: await encryptString("Banking", person.keys.userKey) });
    if (!folder.ok) throw new Error("folder");
    const created = await createItem({
      owner: "me",
      cipher: await encryptCipher(login("bank", "bank-pass"), person.keys.userKey),
      folderId: folder.folderId,
    });
    if (!created.ok) throw new Error("item");
    const db = await getDb();
    expect(
      (await db.select().from(cipherUserStates).where(eq(cipherUserStates.cipherId, created.cipherId)))[0],
    ).toMatchObject({ folderId: folder.folderId });
    expect(await deleteFolderAction({ folderId: folder.folderId })).toEqual({ ok: true });
    expect(
      (await db.select().from(cipherUserStates).where(eq(cipherUserStates.cipherId, created.cipherId)))[0],
    ).toMatchObject({ folderId: null });
    expect(await db.select().from(ciphers).where(eq(ciphers.id, created.cipherId))).toHaveLength(1);

    // Another user's folder cannot hold my item.
    const other = await createTestUser();
    await signInAs(other.id);
    const theirs = await createFolderAction({ name: await encryptString("Theirs", other.keys.userKey) });
    await signInAs(person.id);
    const before = await databaseSnapshot();
    expect(
      await setItemStateAction({
        cipherId: created.cipherId,
        folderId: theirs.ok ? theirs.folderId : null,
        favorite: false,
      }),
    ).toMatchObject({ ok: false, error: "This folder does not exist." });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("trashes, restores and deletes for good, and empties trash older than 30 days by itself", async () => {
    await signInAs(person.id);
    const created = await createItem({
      owner: "me",
      cipher: await encryptCipher(login("temp", "temp-pass"), person.keys.userKey),
    });
    if (!created.ok) throw new Error("item");
    expect(await purgeItemsAction({ cipherIds: [created.cipherId] })).toMatchObject({
      ok: false,
      error: "Move the item to the trash first.",
    });
    expect(await trashItemsAction({ cipherIds: [created.cipherId] })).toEqual({ ok: true, count: 1 });
    expect(await restoreItemsAction({ cipherIds: [created.cipherId] })).toEqual({ ok: true, count: 1 });
    await trashItemsAction({ cipherIds: [created.cipherId] });
    expect(await purgeItemsAction({ cipherIds: [created.cipherId] })).toEqual({ ok: true, count: 1 });

    const old = await createItem({
      owner: "me",
      cipher: await encryptCipher(login("old", "old-pass"), person.keys.userKey),
    });
    if (!old.ok) throw new Error("item");
    const db = await getDb();
    await db
      .update(ciphers)
      .set({ deletedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) })
      .where(eq(ciphers.id, old.cipherId));
    expect(await purgeExpiredTrash(db)).toBe(1);
    expect(await db.select().from(ciphers).where(eq(ciphers.id, old.cipherId))).toEqual([]);
  });

  it("moves a personal item into an organization collection, re-encrypted with the organization key", async () => {
    const owner1 = await unlockAs("owner@client1.example", "keyhouse-demo");
    await signInAs(owner1.userId);
    const created = await createItem({
      owner: "me",
      cipher: await encryptCipher(login("moving", "moving-pass"), owner1.userKey),
    });
    if (!created.ok) throw new Error("item");
    const result = await moveItemToOrganizationAction({
      cipherId: created.cipherId,
      organizationId: demo.client1,
      cipher: await encryptCipher(login("moving", "moving-pass"), client1Key),
      collectionIds: [demo.client1Collection],
    });
    expect(result).toEqual({ ok: true });
    await signInAs(demo.users.user1);
    const { items } = await listVaultItems(await requireUser());
    const moved = items.find((item) => item.id === created.cipherId)!;
    expect(moved.organizationId).toBe(demo.client1);
    expect((await decryptCipher(moved, client1Key)).name).toBe("moving");
  });

  it("keeps the stored password and passkey when a member who may not see them edits the item", async () => {
    const db = await getDb();
    // An app gave the item a passkey: its private key signs in like a password, so it is hidden the same way.
    await signInAs(demo.users.owner1);
    const original = (await listVaultItems(await requireUser())).items.find(
      (item) => item.id === demo.client1Items[0],
    )!;
    const withPasskey = await decryptCipher(original, client1Key);
    withPasskey.login!.fido2Credentials = [samplePasskey()];
    const saved = await updateItemAction({
      cipherId: original.id,
      cipher: await encryptCipher(withPasskey, client1Key),
    });
    expect(saved).toEqual({ ok: true });
    const [membership] = await db
      .select({ id: organizationUsers.id })
      .from(organizationUsers)
      .where(eq(organizationUsers.id, demo.organizationUsers.user1));
    // user1 reaches the collection directly and through the "Staff" group: grants combine, so both must hide.
    await db
      .update(collectionUsers)
      .set({ hidePasswords: true })
      .where(eq(collectionUsers.organizationUserId, membership!.id));
    await db
      .update(collectionGroups)
      .set({ hidePasswords: true })
      .where(eq(collectionGroups.groupId, demo.client1Group));
    await signInAs(demo.users.user1);
    const { items } = await listVaultItems(await requireUser());
    const target = items.find((item) => item.id === demo.client1Items[0])!;
    expect(target.permissions).toMatchObject({ edit: true, viewPassword: false });
    const view = await decryptCipher(target, client1Key);
    expect(view.login?.password).toBeNull();
    expect(view.login?.fido2Credentials).toEqual([]);
    view.name = "Client portal (renamed)";
    expect(await updateItemAction({ cipherId: target.id, cipher: await encryptCipher(view, client1Key) })).toEqual({
      ok: true,
    });
    await signInAs(demo.users.owner1);
    const stored = (await listVaultItems(await requireUser())).items.find((item) => item.id === target.id)!;
    const decrypted = await decryptCipher(stored, client1Key);
    expect(decrypted.name).toBe("Client portal (renamed)");
    expect(decrypted.login?.password).toBe("Winter2026!");
    expect(decrypted.login?.fido2Credentials).toEqual([samplePasskey()]);
    await db
      .update(collectionUsers)
      .set({ hidePasswords: false })
      .where(eq(collectionUsers.organizationUserId, membership!.id));
    await db
      .update(collectionGroups)
      .set({ hidePasswords: false })
      .where(eq(collectionGroups.groupId, demo.client1Group));
  });

  it("refuses another user's items, collections one may only view, and unknown ids, changing nothing", async () => {
    const stranger = await createTestUser();
    await signInAs(stranger.id);
    const before = await databaseSnapshot();
    const cipher = await encryptCipher(login("x", "y-pass"), stranger.keys.userKey);
    expect(await updateItemAction({ cipherId: demo.client1Items[0]!, cipher })).toMatchObject({
      ok: false,
      error: "This item does not exist, or you cannot change it.",
    });
    expect(await trashItemsAction({ cipherIds: [demo.client1Items[0]!] })).toMatchObject({ ok: false });
    expect(
      await createItem({
        owner: "organization",
        organizationId: demo.client1,
        cipher,
        collectionIds: [demo.client1Collection],
      }),
    ).toMatchObject({ ok: false });
    expect(
      await assignCollectionsAction({ cipherId: demo.client1Items[0]!, collectionIds: [demo.client1Collection] }),
    ).toMatchObject({ ok: false });
    expect(await databaseSnapshot()).toEqual(before);

    // A member who may only view a collection cannot add to it.
    const db = await getDb();
    await db
      .update(collectionUsers)
      .set({ readOnly: true })
      .where(eq(collectionUsers.organizationUserId, demo.organizationUsers.user1));
    await db.update(collectionGroups).set({ readOnly: true }).where(eq(collectionGroups.groupId, demo.client1Group));
    await signInAs(demo.users.user1);
    const snapshot = await databaseSnapshot();
    const result = await createItem({
      owner: "organization",
      organizationId: demo.client1,
      cipher: await encryptCipher(login("z", "z-pass"), client1Key),
      collectionIds: [demo.client1Collection],
    });
    expect(result).toMatchObject({ ok: false, error: "You cannot add items to some of these collections." });
    expect(await trashItemsAction({ cipherIds: [demo.client1Items[1]!] })).toMatchObject({
      ok: false,
      error: "You can view this item but not change it.",
    });
    expect(await databaseSnapshot()).toEqual(snapshot);
    await db
      .update(collectionUsers)
      .set({ readOnly: false })
      .where(eq(collectionUsers.organizationUserId, demo.organizationUsers.user1));
  });

  it("refuses notes over the stated cap (about 7,000 characters; 10,000 encrypted) and too many URIs, writing nothing", async () => {
    await signInAs(person.id);
    const before = await databaseSnapshot();
    const long = login("long", "long-pass");
    long.notes = "n".repeat(8000);
    const notes = await createItem({ owner: "me", cipher: await encryptCipher(long, person.keys.userKey) });
    expect(notes).toMatchObject({ ok: false, error: "Notes are too long: keep them under about 7,000 characters." });
    const many = login("many", "many-pass");
    many.login!.uris = Array.from({ length: 51 }, (_, index) => ({ uri: `https://site${index}.example`, match: null }));
    const uris = await createItem({ owner: "me", cipher: await encryptCipher(many, person.keys.userKey) });
    expect(uris).toMatchObject({ ok: false, error: "An item can have at most 50 URIs." });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it.each([
    [
      "an unknown item type",
      (cipher: Record<string, unknown>) => ({ ...cipher, type: "crypto_wallet" }),
      "Unknown item type.",
    ],
    [
      "a tampered EncString",
      (cipher: { data: Record<string, unknown> }) => ({ ...cipher, data: { ...cipher.data, name: "2.abc|def|ghi" } }),
      "Encrypted data is malformed.",
    ],
  ])("refuses %s with a clear error and writes nothing", async (_label, tamper, message) => {
    await signInAs(person.id);
    const before = await databaseSnapshot();
    const cipher = await encryptCipher(login("bad", "bad-pass"), person.keys.userKey);
    const result = await createItem({ owner: "me", cipher: tamper(cipher as never) } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.values(result.fieldErrors ?? {})).toContain(message);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses personal items to a member of an organization with the 'remove individual vault' policy", async () => {
    const db = await getDb();
    await db.insert(policies).values({ organizationId: demo.client1, type: "personal_ownership", enabled: true });
    await signInAs(demo.users.user1);
    const owner = await unlockAs("user@client1.example", "keyhouse-demo");
    const before = await databaseSnapshot();
    const result = await createItem({
      owner: "me",
      cipher: await encryptCipher(login("personal", "personal-pass"), owner.userKey),
    });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("organization policy") });
    expect(await databaseSnapshot()).toEqual(before);
    await db.delete(policies).where(eq(policies.organizationId, demo.client1));
  });
});
