import { describe, expect, it } from "vitest";
import {
  exportFileName,
  toBitwardenCsv,
  toBitwardenJson,
  toPasswordProtectedJson,
  type ExportSource,
} from "@/lib/export";
import { parseBitwardenCsv } from "@/lib/import/bitwarden-csv";
import { parseBitwardenJson } from "@/lib/import/bitwarden-json";
import { parseProtectedBitwardenJson, WRONG_PASSWORD } from "@/lib/import/bitwarden-protected-json";
import { ImportFileError } from "@/lib/import/types";
import { type CipherView, IDENTITY_FIELDS, newCipher } from "@/lib/vault/cipher-model";
import { samplePasskey } from "../support/passkey";

const ORG = "0b8f9e6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
const SHARED = { id: "11111111-1111-4111-8111-111111111111", name: "Shared" };
const OPS = { id: "22222222-2222-4222-8222-222222222222", name: "Ops, night shift" };

/** One item of every type, every field set (ünïcødé, newlines, quotes and commas included). */
function everyType(): CipherView[] {
  const login = newCipher("login", 'Bank, "main"');
  login.notes = "Branch 12 · ünïcødé\nsecond line";
  login.reprompt = 1;
  login.login = {
    username: "alice@bank.example",
    password: 's3cret-P@ss, "x"',
    totp: "otpauth://totp/Bank?secret=JBSWY3DPEHPK3PXP",
    uris: [
      { uri: "https://bank.example/login", match: 3 },
      { uri: "http://old.bank.example", match: null },
    ],
    passwordRevisionDate: "2026-01-02T03:04:05.000Z",
    autofillOnPageLoad: null,
    fido2Credentials: [samplePasskey()],
  };
  login.fields = [
    { type: 0, name: "Branch", value: "12", linkedId: null },
    { type: 1, name: "PIN", value: "4321", linkedId: null },
    { type: 2, name: "Business", value: "true", linkedId: null },
    { type: 3, name: "Linked", value: null, linkedId: 100 },
  ];
  login.passwordHistory = [{ password: "old-pass", lastUsedDate: "2025-12-01T00:00:00.000Z" }];
  const note = newCipher("secure_note", "Runbook");
  note.notes = "Restart: systemctl restart app";
  note.fields = [{ type: 0, name: "Owner", value: "Ops", linkedId: null }];
  const card = newCipher("card", "Company Visa");
  card.card = {
    cardholderName: "Ada Lovelace",
    brand: "Visa",
    number: "4111111111111111",
    expMonth: "6",
    expYear: "2027",
    code: "123",
  };
  const identity = newCipher("identity", "Ada");
  identity.identity = Object.fromEntries(
    IDENTITY_FIELDS.map((field) => [field, `${field} value`]),
  ) as CipherView["identity"];
  const sshKey = newCipher("ssh_key", "Deploy key");
  sshKey.sshKey = {
    privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----",
    publicKey: "ssh-ed25519 AAAAC3Nza",
    keyFingerprint: "SHA256:abc",
  };
  return [login, note, card, identity, sshKey];
}

function source(views: CipherView[]): ExportSource {
  return {
    organizationId: ORG,
    collections: [SHARED, OPS],
    items: views.map((view, index) => ({
      id: `aaaaaaaa-aaaa-4aaa-8aaa-${String(index).padStart(12, "0")}`,
      view,
      collectionIds: index % 2 === 0 ? [SHARED.id] : [OPS.id, SHARED.id],
      revisionDate: "2026-02-03T04:05:06.000Z",
    })),
  };
}

describe("Bitwarden JSON export", () => {
  it("is Bitwarden's organization export shape", () => {
    const document = JSON.parse(toBitwardenJson(source(everyType())));
    expect(document.encrypted).toBe(false);
    expect(document.collections).toEqual([
      { id: SHARED.id, organizationId: ORG, name: "Shared", externalId: null },
      { id: OPS.id, organizationId: ORG, name: "Ops, night shift", externalId: null },
    ]);
    expect(document.items.map((item: { type: number }) => item.type)).toEqual([1, 2, 3, 4, 5]);
    expect(Object.keys(document.items[2])).toContain("card");
    expect(Object.keys(document.items[2])).not.toContain("login");
    expect(document.items[0]).toMatchObject({
      organizationId: ORG,
      folderId: null,
      favorite: false,
      collectionIds: [SHARED.id],
      // Passkeys as Bitwarden exports them; the per-login autofill choice is not part of its export.
      login: { fido2Credentials: [samplePasskey()] },
    });
    expect(Object.keys(document.items[0].login)).not.toContain("autofillOnPageLoad");
  });

  it("round-trips every item type unchanged", () => {
    const views = everyType();
    const result = parseBitwardenJson(toBitwardenJson(source(views)));
    expect(result.skipped).toEqual([]);
    expect(result.items.map((item) => item.view)).toEqual(views);
    expect(result.items.map((item) => item.folder)).toEqual([
      "Shared",
      "Ops, night shift",
      "Shared",
      "Ops, night shift",
      "Shared",
    ]);
  });
});

describe("Bitwarden CSV export", () => {
  function csvSafe(): CipherView[] {
    const login = newCipher("login", '=HYPERLINK("http://evil.example")');
    login.notes = "line one\nline two, with comma";
    login.reprompt = 1;
    login.login = {
      username: "@admin",
      password: "-starts-with-minus",
      totp: "JBSWY3DPEHPK3PXP",
      uris: [
        { uri: "https://a.example", match: null },
        { uri: "https://b.example/path", match: null },
      ],
      passwordRevisionDate: null,
      autofillOnPageLoad: null,
      fido2Credentials: [],
    };
    login.fields = [
      { type: 0, name: "Recovery", value: "12345", linkedId: null },
      { type: 0, name: "Empty", value: null, linkedId: null },
    ];
    const note = newCipher("secure_note", "'=already quoted");
    note.notes = "+1 555 0100";
    return [login, note];
  }

  it("writes Bitwarden's columns, neutralises formulas, and leaves out what CSV cannot hold", () => {
    const { csv, leftOut } = toBitwardenCsv(source([...csvSafe(), ...everyType().slice(2)]));
    expect(leftOut).toBe(3);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp",
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain("'@admin");
    expect(csv).toContain("'-starts-with-minus");
    expect(csv).toContain("''=already quoted");
    expect(csv).toContain("Shared");
  });

  it("round-trips logins and secure notes unchanged (text fields, URIs without match rules)", () => {
    const views = csvSafe();
    const result = parseBitwardenCsv(toBitwardenCsv(source(views)).csv);
    expect(result.skipped).toEqual([]);
    expect(result.items.map((item) => item.view)).toEqual(views);
    expect(result.items.map((item) => item.folder)).toEqual(["Shared", "Ops, night shift,Shared"]);
  });
});

describe("password-protected JSON export", () => {
  it("round-trips every item type through the password, and holds no plaintext", async () => {
    const views = everyType();
    const text = await toPasswordProtectedJson(source(views), "correct horse battery");
    const document = JSON.parse(text);
    expect(document).toMatchObject({ encrypted: true, passwordProtected: true, kdfType: 0, kdfIterations: 600_000 });
    expect(document.salt).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    for (const secret of ["alice@bank.example", "s3cret", "4111111111111111", "Runbook", "Shared"])
      expect(text).not.toContain(secret);
    const result = await parseProtectedBitwardenJson(text, "correct horse battery");
    expect(result.items.map((item) => item.view)).toEqual(views);
  });

  it("uses a new salt each time, and refuses a wrong password with a clear sentence", async () => {
    const first = await toPasswordProtectedJson(source([newCipher("secure_note", "x")]), "pw-1");
    const second = await toPasswordProtectedJson(source([newCipher("secure_note", "x")]), "pw-1");
    expect(JSON.parse(first).salt).not.toBe(JSON.parse(second).salt);
    await expect(parseProtectedBitwardenJson(first, "pw-2")).rejects.toThrow(new ImportFileError(WRONG_PASSWORD));
  });
});

describe("export file names", () => {
  it("follow Bitwarden's naming with a timestamp", () => {
    const now = new Date(2026, 0, 2, 3, 4, 5);
    expect(exportFileName("json", now)).toBe("keyhouse_org_export_20260102030405.json");
    expect(exportFileName("csv", now)).toBe("keyhouse_org_export_20260102030405.csv");
    expect(exportFileName("encrypted_json", now)).toBe("keyhouse_org_export_encrypted_20260102030405.json");
  });
});
