import { beforeAll, describe, expect, it } from "vitest";
import { createCollectionAction } from "@/app/(console)/organizations/[organizationId]/collections/actions";
import { createItem, updateItemAction } from "@/app/(vault)/vault/actions";
import { GET as getCipher, PUT as putCipher } from "@/app/api/ciphers/[cipherId]/route";
import { POST as postCipher } from "@/app/api/ciphers/route";
import { GET as sync } from "@/app/api/sync/route";
import { encryptString, type EncString, SymmetricKey } from "@/lib/crypto";
import { decryptCipher, encryptCipher, UNKNOWN_PARTS } from "@/lib/vault/cipher-crypto";
import type { CipherView } from "@/lib/vault/cipher-model";
import { UNKNOWN_PART_LIMITS } from "@/lib/vault/unknown-parts";
import { addTestMember, createTestOrganization, createTestUser, type TestUser } from "../../support/factories";
import { FAKE_ENC_2, FAKE_LOGIN } from "../../support/fakes";
import { signInAs } from "../../support/session";
import { samplePasskey } from "../../support/passkey";
import { callRoute, deviceToken } from "./api";

type Served = Record<string, unknown> & {
  id: string;
  name: string;
  login: Record<string, unknown> & {
    uris: Record<string, unknown>[];
    fido2Credentials: Record<string, unknown>[] | null;
  };
  fields: Record<string, unknown>[];
  passwordHistory: Record<string, unknown>[];
};

/**
 * What a newer official app may write that Keyhouse does not know (issue 12): encrypted properties in every object of
 * an item are kept and served back in place, through the apps' routes and through an edit in the web vault.
 */
describe("unknown encrypted parts of an item", () => {
  let alice: TestUser;
  let token: string;
  const key = SymmetricKey.generate();
  const enc = (value: string) => encryptString(value, key);
  let extras: Record<string, EncString>;

  async function appLogin(additions: Record<string, unknown> = {}) {
    const passkey = samplePasskey();
    return {
      type: 1,
      name: await enc("Bank"),
      notes: null,
      favorite: false,
      reprompt: 0,
      futureTopLevel: extras.top,
      login: {
        username: await enc("alice"),
        password: await enc("secret"),
        totp: null,
        passwordRevisionDate: null,
        autofillOnPageLoad: true,
        futureLogin: extras.login,
        uris: [{ uri: await enc("https://bank.example"), uriChecksum: null, match: null, futureUri: extras.uri }],
        fido2Credentials: [
          {
            ...Object.fromEntries(
              await Promise.all(
                Object.entries(passkey).map(async ([name, value]) => [
                  name,
                  name === "creationDate" || value === null ? value : await enc(value),
                ]),
              ),
            ),
            futurePasskey: extras.passkey,
          },
        ],
      },
      fields: [
        { type: 0, name: await enc("PIN"), value: await enc("1234"), linkedId: null, futureField: extras.field },
      ],
      passwordHistory: [
        { password: await enc("old"), lastUsedDate: "2025-01-01T00:00:00.000Z", futureHistory: extras.history },
      ],
      ...additions,
    };
  }

  async function create(body: unknown): Promise<Response> {
    return callRoute(postCipher, "/api/ciphers", { method: "POST", token, body });
  }

  async function served(id: string): Promise<Served> {
    const response = await callRoute(getCipher, `/api/ciphers/${id}`, { token, params: { cipherId: id } });
    expect(response.status).toBe(200);
    return (await response.json()) as Served;
  }

  function expectExtrasInPlace(item: Served) {
    expect(item.futureTopLevel).toBe(extras.top);
    expect(item.login.futureLogin).toBe(extras.login);
    expect(item.login.uris[0]!.futureUri).toBe(extras.uri);
    expect(item.login.fido2Credentials![0]!.futurePasskey).toBe(extras.passkey);
    expect(item.fields[0]!.futureField).toBe(extras.field);
    expect(item.passwordHistory[0]!.futureHistory).toBe(extras.history);
  }

  beforeAll(async () => {
    alice = await createTestUser();
    await signInAs(alice.id);
    token = (await deviceToken(alice.id)).token;
    extras = {
      top: await enc("top"),
      login: await enc("login"),
      uri: await enc("uri"),
      passkey: await enc("passkey"),
      field: await enc("field"),
      history: await enc("history"),
    };
  });

  it("keeps them where the app wrote them, in the cipher routes and in sync", async () => {
    const response = await create(await appLogin());
    expect(response.status).toBe(200);
    const created = (await response.json()) as Served;
    expectExtrasInPlace(created);
    expectExtrasInPlace(await served(created.id));
    const vault = (await (await callRoute(sync, "/api/sync", { token })).json()) as { ciphers: Served[] };
    expectExtrasInPlace(vault.ciphers.find((cipher) => cipher.id === created.id)!);

    // An update from the app replaces them like any other value.
    const changed = await enc("changed");
    const update = await callRoute(putCipher, `/api/ciphers/${created.id}`, {
      method: "PUT",
      token,
      params: { cipherId: created.id },
      body: await appLogin({ futureTopLevel: changed }),
    });
    expect(update.status).toBe(200);
    expect(((await update.json()) as Served).futureTopLevel).toBe(changed);
  });

  it("leaves out values that are not encrypted: the server cannot tell plaintext from anything else", async () => {
    const body = await appLogin({ plainText: "my bank PIN is 1234", aNumber: 5, aFlag: true, anObject: { a: 1 } });
    body.login = { ...body.login, plainInLogin: "secret" } as typeof body.login;
    const response = await create(body);
    expect(response.status).toBe(200);
    const item = await served(((await response.json()) as Served).id);
    for (const name of ["plainText", "aNumber", "aFlag", "anObject"]) expect(item).not.toHaveProperty(name);
    expect(item.login).not.toHaveProperty("plainInLogin");
    expectExtrasInPlace(item);
  });

  it("refuses encrypted parts beyond the limits: their count, their names", async () => {
    const many = Object.fromEntries(
      Array.from({ length: UNKNOWN_PART_LIMITS.perObject + 1 }, (_, index) => [`future${index}`, FAKE_ENC_2]),
    );
    const tooMany = await create(await appLogin({ futureTopLevel: undefined, ...many }));
    expect(tooMany.status).toBe(400);
    const badName = await create(await appLogin({ "future-part": FAKE_ENC_2 }));
    expect(badName.status).toBe(400);
    const longName = await create(await appLogin({ [`a${"b".repeat(64)}`]: FAKE_ENC_2 }));
    expect(longName.status).toBe(400);
    // A name of the response (or of the request's metadata) is not an unknown part: it is left out, not served.
    const reserved = await create(await appLogin({ edit: FAKE_ENC_2, id: FAKE_ENC_2 }));
    expect(reserved.status).toBe(200);
    const item = (await reserved.json()) as Served;
    expect(item.edit).toBe(true);
    expect(item.id).not.toBe(FAKE_ENC_2);
  });

  it("survive an edit in the web vault, which re-encrypts nothing it does not know", async () => {
    const created = (await (await create(await appLogin())).json()) as Served;
    const stored = {
      type: "login" as const,
      reprompt: 0 as const,
      key: null,
      data: {
        name: created.name,
        notes: created.notes,
        login: { ...created.login, fido2Credentials: created.login.fido2Credentials ?? [] },
        secureNote: created.secureNote,
        card: created.card,
        identity: created.identity,
        sshKey: created.sshKey,
        fields: created.fields,
        passwordHistory: created.passwordHistory,
        futureTopLevel: created.futureTopLevel,
      },
    };
    const view: CipherView = await decryptCipher(stored as never, key);
    expect(view.login![UNKNOWN_PARTS as never]).toEqual({ futureLogin: extras.login });
    // The form changes the name, a URI and a field; the objects it edits keep what they carried.
    const edited: CipherView = {
      ...view,
      name: "Bank (renamed)",
      login: { ...view.login!, uris: view.login!.uris.map((uri) => ({ ...uri, uri: "https://new.bank.example" })) },
      fields: view.fields.map((field) => ({ ...field, value: "4321" })),
    };
    const cipher = await encryptCipher(edited, key, undefined, { sameOwnerKey: true });
    const saved = await updateItemAction({ cipherId: created.id, cipher, folderId: null, favorite: false });
    expect(saved).toEqual({ ok: true });
    const after = await served(created.id);
    expectExtrasInPlace(after);
    expect(after.name).not.toBe(created.name);

    // Moving without the key they were written with (no item key, a new owning key) leaves them out.
    const moved = await encryptCipher(edited, SymmetricKey.generate());
    expect(moved.data).not.toHaveProperty("futureTopLevel");
    expect(moved.data.login).not.toHaveProperty("futureLogin");
  });

  it("refuses, from the web vault too, unknown parts that are not encrypted", async () => {
    const created = (await (await create(await appLogin())).json()) as Served;
    const tampered = { ...FAKE_LOGIN, data: { ...FAKE_LOGIN.data, plainText: "not encrypted" } };
    const result = await updateItemAction({ cipherId: created.id, cipher: tampered, folderId: null, favorite: false });
    expect(result.ok).toBe(false);
    const kept = { ...FAKE_LOGIN, data: { ...FAKE_LOGIN.data, futureTopLevel: FAKE_ENC_2 } };
    expect(await updateItemAction({ cipherId: created.id, cipher: kept, folderId: null, favorite: false })).toEqual({
      ok: true,
    });
  });

  it("are not served to a member who may not see passwords, and stay stored when they save", async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const organizationId = await createTestOrganization("Unknown parts", owner);
    const memberRowId = await addTestMember(organizationId, member, "user");
    await signInAs(owner.id);
    const collection = await createCollectionAction({
      organizationId,
      name: FAKE_ENC_2,
      members: [{ id: memberRowId, level: "edit_except_passwords" }],
      groups: [],
    });
    if (!collection.ok) throw new Error(collection.error);
    const withParts = {
      ...FAKE_LOGIN,
      data: {
        ...FAKE_LOGIN.data,
        futureTopLevel: extras.top,
        login: { ...FAKE_LOGIN.data.login!, futureLogin: extras.login },
      },
    };
    const created = await createItem({
      owner: "organization",
      organizationId,
      cipher: withParts,
      collectionIds: [collection.collectionId],
      folderId: null,
    });
    if (!created.ok) throw new Error(created.error);

    const memberToken = (await deviceToken(member.id)).token;
    const response = await callRoute(getCipher, `/api/ciphers/${created.cipherId}`, {
      token: memberToken,
      params: { cipherId: created.cipherId },
    });
    const asServed = (await response.json()) as Served;
    expect(asServed).not.toHaveProperty("futureTopLevel");
    expect(asServed.login).not.toHaveProperty("futureLogin");

    await signInAs(member.id);
    const saved = await updateItemAction({ cipherId: created.cipherId, cipher: FAKE_LOGIN, folderId: null });
    expect(saved).toEqual({ ok: true });
    await signInAs(owner.id);
    const ownerToken = (await deviceToken(owner.id)).token;
    const after = (await (
      await callRoute(getCipher, `/api/ciphers/${created.cipherId}`, {
        token: ownerToken,
        params: { cipherId: created.cipherId },
      })
    ).json()) as Served;
    expect(after.futureTopLevel).toBe(extras.top);
    expect(after.login.futureLogin).toBe(extras.login);
  });
});
