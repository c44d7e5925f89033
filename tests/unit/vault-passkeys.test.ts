import { describe, expect, it } from "vitest";
import { decryptString, encryptString, type EncString, SymmetricKey, wrapSymmetricKey } from "@/lib/crypto";
import { cipherRequestSchema, toKeyhouseCipher } from "@/lib/bitwarden/cipher-request";
import { cipherResponse } from "@/lib/bitwarden/ciphers";
import type { VaultItem } from "@/lib/dal/items";
import { encryptedCipherSchema } from "@/lib/validation/cipher";
import { decryptCipher, type EncryptedCipherData, encryptCipher } from "@/lib/vault/cipher-crypto";
import { CIPHER_LIMITS, type CipherView, newCipher } from "@/lib/vault/cipher-model";
import * as node from "../support/node-bitwarden";
import { samplePasskey } from "../support/passkey";

const URI = "https://bank.example/login?ünïcødé";

function loginWithPasskey(): CipherView {
  const item = newCipher("login", "Bank");
  item.login!.username = "alice@bank.example";
  item.login!.uris = [
    { uri: URI, match: null },
    { uri: "androidapp://com.bank.example", match: 3 },
  ];
  item.login!.autofillOnPageLoad = false;
  item.login!.fido2Credentials = [samplePasskey(), samplePasskey({ userHandle: null, rpName: null, counter: "7" })];
  return item;
}

async function encryptAll<T extends Record<string, string | null>>(
  values: T,
  key: SymmetricKey,
): Promise<{ [K in keyof T]: EncString | null }> {
  const entries = await Promise.all(
    Object.entries(values).map(async ([name, value]) => [
      name,
      value === null ? null : await encryptString(value, key),
    ]),
  );
  return Object.fromEntries(entries) as { [K in keyof T]: EncString | null };
}

describe("passkeys, autofill on page load and URI checksums", () => {
  const key = SymmetricKey.generate();

  it("round-trip through encryption, and the stored form passes the server's shape check", async () => {
    const view = loginWithPasskey();
    const stored = await encryptCipher(view, key);
    expect(encryptedCipherSchema.parse(stored)).toEqual(stored);
    expect(stored.data.login!.autofillOnPageLoad).toBe(false);
    expect(stored.data.login!.fido2Credentials[0]!.creationDate).toBe(samplePasskey().creationDate);
    expect(stored.data.login!.fido2Credentials[1]!.userHandle).toBeNull();
    expect(await decryptCipher(stored, key)).toEqual(view);
  });

  it("encrypt every passkey value: none is in the clear in the stored form", async () => {
    const stored = JSON.stringify(await encryptCipher(loginWithPasskey(), key));
    const passkey = samplePasskey();
    for (const secret of [passkey.keyValue, passkey.credentialId, passkey.rpId, passkey.userName, "public-key"]) {
      expect(stored).not.toContain(secret);
    }
  });

  it("give each URI a checksum: base64(SHA-256(URI)) encrypted with the item's key, as Node computes it", async () => {
    const stored = await encryptCipher(loginWithPasskey(), key);
    const [first, second] = stored.data.login!.uris;
    expect(first!.uriChecksum).toMatch(/^2\./);
    const checksum = await decryptString(first!.uriChecksum!, key);
    expect(checksum).toBe(node.uriChecksum(URI));
    // Independently of lib/crypto: Node decrypts the checksum and hashes the URI it decrypts.
    const nodeUri = node.decryptType2(first!.uri, key.toBytes()).toString("utf8");
    expect(node.decryptType2(first!.uriChecksum!, key.toBytes()).toString("utf8")).toBe(node.uriChecksum(nodeUri));
    expect(await decryptString(second!.uriChecksum!, key)).toBe(node.uriChecksum("androidapp://com.bank.example"));
  });

  it("recompute the checksum when the URI changes", async () => {
    const view = loginWithPasskey();
    const before = await encryptCipher(view, key);
    const edited = await decryptCipher(before, key);
    edited.login!.uris[0]!.uri = "https://new.bank.example";
    const after = await encryptCipher(edited, key);
    expect(await decryptString(after.data.login!.uris[0]!.uriChecksum!, key)).toBe(
      node.uriChecksum("https://new.bank.example"),
    );
    expect(await decryptString(after.data.login!.uris[0]!.uriChecksum!, key)).not.toBe(
      await decryptString(before.data.login!.uris[0]!.uriChecksum!, key),
    );
  });

  it("decrypt an app-written item under its own key, and re-encrypt it under the owning key with passkeys kept", async () => {
    const itemKey = SymmetricKey.generate();
    const stored = await encryptCipher(loginWithPasskey(), itemKey);
    const view = await decryptCipher({ ...stored, key: await wrapSymmetricKey(itemKey, key) }, key);
    expect(view.login!.fido2Credentials).toEqual(loginWithPasskey().login!.fido2Credentials);
    const moved = await encryptCipher(view, key);
    expect(moved.key).toBeNull();
    expect(await decryptCipher(moved, key)).toEqual(loginWithPasskey());
  });

  it("keep an app-written item's own key through an edit, and re-wrap it when the item moves to a new owner", async () => {
    const itemKey = SymmetricKey.generate();
    const wrapped = await wrapSymmetricKey(itemKey, key);
    const edited = await encryptCipher(loginWithPasskey(), key, { itemKey: wrapped, wrappedWith: key });
    expect(edited.key).toBe(wrapped);
    // Fields are under the item's key, not the owning key.
    await expect(decryptString(edited.data.name, key)).rejects.toThrow();
    expect(await decryptString(edited.data.name, itemKey)).toBe("Bank");
    expect(await decryptCipher(edited, key)).toEqual(loginWithPasskey());

    const organizationKey = SymmetricKey.generate();
    const moved = await encryptCipher(loginWithPasskey(), organizationKey, { itemKey: wrapped, wrappedWith: key });
    expect(moved.key).not.toBe(wrapped);
    expect(await decryptCipher(moved, organizationKey)).toEqual(loginWithPasskey());
    await expect(decryptCipher(moved, key)).rejects.toThrow();
  });

  it("read items stored before these were kept as having none", async () => {
    const stored = await encryptCipher(newCipher("login", "Old"), key);
    const { autofillOnPageLoad: _autofill, fido2Credentials: _passkeys, ...oldLogin } = stored.data.login!;
    const old = {
      ...stored,
      data: { ...stored.data, login: { ...oldLogin, uris: [{ uri: await encryptString(URI, key), match: null }] } },
    };
    const parsed = encryptedCipherSchema.parse(old);
    expect(parsed.data.login).toMatchObject({ autofillOnPageLoad: null, fido2Credentials: [] });
    expect(parsed.data.login!.uris[0]!.uriChecksum).toBeNull();
    const view = await decryptCipher({ ...old, data: old.data as unknown as EncryptedCipherData }, key);
    expect(view.login).toMatchObject({ autofillOnPageLoad: null, fido2Credentials: [], uris: [{ uri: URI }] });
  });

  it("refuse too many passkeys, an oversized or plain passkey value and a non-boolean autofill choice", async () => {
    const stored = await encryptCipher(loginWithPasskey(), key);
    const login = stored.data.login!;
    const withLogin = (change: object) => ({ ...stored, data: { ...stored.data, login: { ...login, ...change } } });
    const passkey = login.fido2Credentials[0]!;
    const tooMany = Array.from({ length: CIPHER_LIMITS.fido2Credentials + 1 }, () => passkey);
    const huge = await encryptString("x".repeat(CIPHER_LIMITS.valueLength), key);
    for (const candidate of [
      withLogin({ fido2Credentials: tooMany }),
      withLogin({ fido2Credentials: [{ ...passkey, keyValue: huge }] }),
      withLogin({ fido2Credentials: [{ ...passkey, keyValue: "MIGHAgEAMBMG" }] }),
      withLogin({ fido2Credentials: [{ ...passkey, credentialId: null }] }),
      withLogin({ fido2Credentials: [{ ...passkey, creationDate: "yesterday" }] }),
      withLogin({ autofillOnPageLoad: "true" }),
      withLogin({ uris: [{ ...login.uris[0]!, uriChecksum: "not-an-encstring" }] }),
      withLogin({ uris: [{ ...login.uris[0]!, uriChecksum: huge }] }),
    ]) {
      expect(encryptedCipherSchema.safeParse(candidate).success).toBe(false);
    }
    expect(encryptedCipherSchema.safeParse(withLogin({ fido2Credentials: tooMany.slice(1) })).success).toBe(true);
  });
});

describe("the official apps' items", () => {
  const key = SymmetricKey.generate();

  async function appRequest() {
    const passkey = samplePasskey({ userDisplayName: null });
    const { creationDate, ...values } = passkey;
    return {
      type: 1,
      name: await encryptString("Bank", key),
      notes: null,
      favorite: false,
      reprompt: 0,
      login: {
        username: await encryptString("alice@bank.example", key),
        password: null,
        totp: null,
        passwordRevisionDate: null,
        autofillOnPageLoad: true,
        uris: [
          {
            uri: await encryptString(URI, key),
            uriChecksum: await encryptString(node.uriChecksum(URI), key),
            match: null,
          },
        ],
        fido2Credentials: [{ ...(await encryptAll(values, key)), creationDate }],
      },
      fields: null,
      passwordHistory: null,
      lastKnownRevisionDate: null,
    };
  }

  it("keeps passkeys, URI checksums and the autofill choice from a CipherRequest, and answers them", async () => {
    const request = await appRequest();
    const result = toKeyhouseCipher(cipherRequestSchema.parse(request));
    if (!result.ok) throw new Error(result.message);
    const login = result.cipher.data.login!;
    expect(login.autofillOnPageLoad).toBe(true);
    expect(login.uris).toEqual(request.login.uris);
    expect(login.fido2Credentials).toEqual(request.login.fido2Credentials);
    expect(await decryptCipher(result.cipher, key)).toMatchObject({
      login: { autofillOnPageLoad: true, fido2Credentials: [samplePasskey({ userDisplayName: null })] },
    });

    const item: VaultItem = {
      id: "aaaaaaaa-aaaa-4aaa-8aaa-000000000001",
      organizationId: null,
      type: result.cipher.type,
      reprompt: result.cipher.reprompt,
      data: result.cipher.data,
      collectionIds: [],
      favorite: false,
      folderId: null,
      deletedAt: null,
      archivedAt: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
      key: null,
      permissions: { edit: true, viewPassword: true, manage: true },
      attachments: [],
    };
    const response = cipherResponse(item, false);
    expect(response.login).toMatchObject({
      autofillOnPageLoad: true,
      uris: request.login.uris,
      fido2Credentials: request.login.fido2Credentials,
    });
    const none = cipherResponse({ ...item, data: (await encryptCipher(newCipher("login", "x"), key)).data }, false);
    expect(none.login).toMatchObject({ autofillOnPageLoad: null, fido2Credentials: null });
  });

  it("refuses a request whose passkey is missing a value or is in the clear", async () => {
    const request = await appRequest();
    const passkey = request.login.fido2Credentials[0]!;
    const missingKey = { ...request, login: { ...request.login, fido2Credentials: [{ ...passkey, keyValue: null }] } };
    const plain = {
      ...request,
      login: { ...request.login, fido2Credentials: [{ ...passkey, rpId: "bank.example" }] },
    };
    for (const candidate of [missingKey, plain]) {
      expect(toKeyhouseCipher(cipherRequestSchema.parse(candidate)).ok).toBe(false);
    }
  });
});
