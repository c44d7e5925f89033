import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createItem, updateItemAction } from "@/app/(vault)/vault/actions";
import { getDb } from "@/db/client";
import { collectionGroups, collectionUsers } from "@/db/schema";
import { SymmetricKey, wrapSymmetricKey } from "@/lib/crypto";
import { requireUser } from "@/lib/authz/scope";
import { listVaultItems, type VaultItem } from "@/lib/dal/items";
import { decryptCipher, encryptCipher } from "@/lib/vault/cipher-crypto";
import { type CipherView, FIELD_TYPES, newCipher } from "@/lib/vault/cipher-model";
import { type EditableField, editableFields, hiddenValueSources, storedFields } from "@/lib/vault/hidden-fields";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { memberOrganizationKey, unlockAs } from "../support/keys";
import { signInAs } from "../support/session";

/**
 * Finding 11: a member with "can edit, except passwords" receives hidden custom fields without their values. An
 * edit by them must keep the stored values (it erased them: they were matched by ciphertext, which every save
 * re-encrypts), and must neither reveal nor overwrite them.
 */
describe("editing an item as a member who may edit but not see passwords", () => {
  let demo: DemoIds;
  let orgKey: SymmetricKey;

  beforeAll(async () => {
    demo = await loadDemo();
    orgKey = await memberOrganizationKey(await unlockAs("owner@client1.example", "keyhouse-demo"), demo.client1);
    // user1 reaches the collection directly and through the "Staff" group: grants combine, so both must hide.
    const db = await getDb();
    await db
      .update(collectionUsers)
      .set({ hidePasswords: true })
      .where(eq(collectionUsers.organizationUserId, demo.organizationUsers.user1));
    await db
      .update(collectionGroups)
      .set({ hidePasswords: true })
      .where(eq(collectionGroups.groupId, demo.client1Group));
  });

  /** An item made by the owner: a text field and two hidden fields. */
  async function ownersItem(): Promise<string> {
    await signInAs(demo.users.owner1);
    const view = newCipher("login", "Bank");
    view.login = { ...view.login!, username: "teller", password: "Stored-password-1" };
    view.fields = [
      { type: FIELD_TYPES.text, name: "Account", value: "A-1", linkedId: null },
      { type: FIELD_TYPES.hidden, name: "PIN", value: "4321", linkedId: null },
      { type: FIELD_TYPES.hidden, name: "Recovery", value: "r-999", linkedId: null },
    ];
    const created = await createItem({
      owner: "organization",
      organizationId: demo.client1,
      cipher: await encryptCipher(view, orgKey),
      collectionIds: [demo.client1Collection],
    });
    if (!created.ok) throw new Error(created.error);
    return created.cipherId;
  }

  async function servedTo(userId: string, cipherId: string): Promise<VaultItem> {
    await signInAs(userId);
    return (await listVaultItems(await requireUser())).items.find((item) => item.id === cipherId)!;
  }

  /** What the item form sends: the edited item re-encrypted, and where each hidden field came from. */
  async function save(served: VaultItem, view: CipherView, fields: EditableField[]) {
    const cipher = await encryptCipher({ ...view, fields: storedFields(fields) }, orgKey);
    return updateItemAction({
      cipherId: served.id,
      cipher,
      hiddenValueSources: hiddenValueSources(fields, served.data.fields),
    });
  }

  async function storedView(cipherId: string): Promise<CipherView> {
    return decryptCipher(await servedTo(demo.users.owner1, cipherId), orgKey);
  }

  it("keeps the stored hidden values when the member renames the item and a hidden field, and adds a field", async () => {
    const cipherId = await ownersItem();
    const served = await servedTo(demo.users.user1, cipherId);
    expect(served.permissions).toMatchObject({ edit: true, viewPassword: false });
    const view = await decryptCipher(served, orgKey);
    expect(view.fields.map((field) => field.value)).toEqual(["A-1", null, null]);

    const fields = editableFields(view.fields);
    fields[1] = { ...fields[1]!, name: "Card PIN" };
    fields.push({ type: FIELD_TYPES.text, name: "Branch", value: "North", linkedId: null });
    expect(await save(served, { ...view, name: "Bank (renamed)" }, fields)).toEqual({ ok: true });

    const stored = await storedView(cipherId);
    expect(stored.name).toBe("Bank (renamed)");
    expect(stored.login?.password).toBe("Stored-password-1");
    expect(stored.fields).toEqual([
      { type: FIELD_TYPES.text, name: "Account", value: "A-1", linkedId: null },
      { type: FIELD_TYPES.hidden, name: "Card PIN", value: "4321", linkedId: null },
      { type: FIELD_TYPES.hidden, name: "Recovery", value: "r-999", linkedId: null },
      { type: FIELD_TYPES.text, name: "Branch", value: "North", linkedId: null },
    ]);
  });

  it("drops a hidden field the member removes, and the others keep their own values", async () => {
    const cipherId = await ownersItem();
    const served = await servedTo(demo.users.user1, cipherId);
    const view = await decryptCipher(served, orgKey);
    const fields = editableFields(view.fields).filter((field) => field.name !== "PIN");
    expect(await save(served, view, fields)).toEqual({ ok: true });
    expect((await storedView(cipherId)).fields.map((field) => [field.name, field.value])).toEqual([
      ["Account", "A-1"],
      ["Recovery", "r-999"],
    ]);
  });

  it("cannot overwrite a hidden value, set a new one, or move one into a field it can read", async () => {
    const cipherId = await ownersItem();
    const served = await servedTo(demo.users.user1, cipherId);
    const view = await decryptCipher(served, orgKey);
    const fields = editableFields(view.fields);
    // Overwrite PIN; turn Recovery into a text field claiming Recovery's value; add a hidden field with a value.
    fields[1] = { ...fields[1]!, value: "0000" };
    fields[2] = { ...fields[2]!, type: FIELD_TYPES.text, value: null };
    fields.push({ type: FIELD_TYPES.hidden, name: "New secret", value: "planted", linkedId: null });
    const cipher = await encryptCipher({ ...view, fields: storedFields(fields) }, orgKey);
    const sources = hiddenValueSources(fields, served.data.fields);
    sources[2] = { position: 2, name: served.data.fields[2]!.name };
    expect(await updateItemAction({ cipherId, cipher, hiddenValueSources: sources })).toEqual({ ok: true });

    expect((await storedView(cipherId)).fields.map((field) => [field.name, field.value])).toEqual([
      ["Account", "A-1"],
      ["PIN", "4321"],
      ["Recovery", null],
      ["New secret", null],
    ]);
    const again = await decryptCipher(await servedTo(demo.users.user1, cipherId), orgKey);
    expect(again.fields.map((field) => field.value)).toEqual(["A-1", null, null, null]);
  });

  it("refuses the save, changing nothing, when the item changed since it was served", async () => {
    const cipherId = await ownersItem();
    const served = await servedTo(demo.users.user1, cipherId);
    const view = await decryptCipher(served, orgKey);
    // Meanwhile the owner edits the item (every field re-encrypted) and swaps the two hidden fields.
    const owners = await storedView(cipherId);
    owners.fields = [owners.fields[0]!, owners.fields[2]!, owners.fields[1]!];
    expect(await updateItemAction({ cipherId, cipher: await encryptCipher(owners, orgKey) })).toEqual({ ok: true });

    await signInAs(demo.users.user1);
    const before = await databaseSnapshot();
    const result = await save(served, { ...view, name: "Stale edit" }, editableFields(view.fields));
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringContaining("changed this item since you opened it"),
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("keeps an app-given item key: the kept password is under it, so an edit that drops it is refused", async () => {
    // The owner's app gave the item a key of its own (Bitwarden's cipher key); every field is under it.
    await signInAs(demo.users.owner1);
    const itemKey = SymmetricKey.generate();
    const wrapped = await wrapSymmetricKey(itemKey, orgKey);
    const view = newCipher("login", "Keyed");
    view.login = { ...view.login!, password: "Keyed-password-1" };
    const created = await createItem({
      owner: "organization",
      organizationId: demo.client1,
      cipher: await encryptCipher(view, orgKey, { itemKey: wrapped, wrappedWith: orgKey }),
      collectionIds: [demo.client1Collection],
    });
    if (!created.ok) throw new Error(created.error);
    const served = await servedTo(demo.users.user1, created.cipherId);
    expect(served.key).toBe(wrapped);
    const seen = await decryptCipher(served, orgKey);

    const before = await databaseSnapshot();
    const dropped = await updateItemAction({
      cipherId: served.id,
      cipher: await encryptCipher({ ...seen, name: "Re-keyed" }, orgKey),
    });
    expect(dropped).toMatchObject({
      ok: false,
      error: expect.stringContaining("changed this item since you opened it"),
    });
    expect(await databaseSnapshot()).toEqual(before);

    const kept = await updateItemAction({
      cipherId: served.id,
      cipher: await encryptCipher({ ...seen, name: "Renamed" }, orgKey, { itemKey: wrapped, wrappedWith: orgKey }),
    });
    expect(kept).toEqual({ ok: true });
    const stored = await storedView(served.id);
    expect(stored).toMatchObject({ name: "Renamed", login: { password: "Keyed-password-1" } });
  });

  it("refuses two fields claiming one stored hidden value", async () => {
    const cipherId = await ownersItem();
    const served = await servedTo(demo.users.user1, cipherId);
    const view = await decryptCipher(served, orgKey);
    const fields = editableFields(view.fields);
    fields.push({ ...fields[1]! });
    const before = await databaseSnapshot();
    expect(await save(served, view, fields)).toMatchObject({ ok: false });
    expect(await databaseSnapshot()).toEqual(before);
  });
});
