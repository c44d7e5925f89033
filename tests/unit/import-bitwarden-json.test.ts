import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBitwardenJson } from "@/lib/import/bitwarden-json";
import {
  isPasswordProtectedExport,
  parseProtectedBitwardenJson,
  WRONG_PASSWORD,
} from "@/lib/import/bitwarden-protected-json";
import { importFormat } from "@/lib/import";
import { NOTHING_TO_IMPORT } from "@/lib/import/result";
import { ImportFileError } from "@/lib/import/types";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/import", name), "utf8");

describe("Bitwarden JSON (unencrypted)", () => {
  const result = parseBitwardenJson(fixture("bitwarden-individual.json"));

  it("reads every item type with its own part, fields, old passwords and folder", () => {
    expect(result.items.map((item) => [item.view.type, item.view.name, item.folder ?? null])).toEqual([
      ["login", "Brokerage", "Finance"],
      ["card", "Debit card", null],
      ["identity", "Passport identity", null],
      ["ssh_key", "Deploy key", null],
      ["secure_note", "Notes from meeting", null],
    ]);
    const [login, card, identity, sshKey, note] = result.items.map((item) => item.view);
    expect(login).toMatchObject({
      notes: "Account 42",
      login: {
        username: "judy",
        password: "Bw-Json-Pass",
        totp: null,
        uris: [{ uri: "https://broker.example.com", match: 3 }],
      },
      fields: [{ name: "PIN", value: "2468", type: 1, linkedId: null }],
      passwordHistory: [{ password: "old-broker-pass", lastUsedDate: "2025-01-02T03:04:05.000Z" }],
      card: null,
    });
    expect(card?.card).toEqual({
      cardholderName: "Judy Example",
      brand: "Mastercard",
      number: "5555555555554444",
      expMonth: "9",
      expYear: "2028",
      code: "321",
    });
    expect(identity?.identity).toMatchObject({
      title: "Ms",
      firstName: "Judy",
      lastName: "Example",
      passportNumber: "X1234567",
      email: null,
    });
    expect(sshKey?.sshKey).toMatchObject({ publicKey: "ssh-ed25519 AAAAC3Nza", keyFingerprint: "SHA256:abc" });
    expect(note).toMatchObject({ notes: "Agenda", secureNote: { type: 0 }, login: null });
  });

  it("skips unknown types, malformed items and empty ones, by position", () => {
    expect(result.skipped).toEqual([
      { row: 6, reason: "Its item type is unknown." },
      { row: 7, reason: "The item is malformed (at login.uris)." },
      { row: 8, reason: NOTHING_TO_IMPORT },
    ]);
  });

  it("names organization items' folder after their first collection", () => {
    const text = JSON.stringify({
      encrypted: false,
      collections: [{ id: "c1", name: "Shared" }],
      items: [{ type: 2, name: "Note", notes: "x", secureNote: { type: 0 }, collectionIds: ["c1"] }],
    });
    expect(parseBitwardenJson(text).items[0]?.folder).toBe("Shared");
  });

  it("refuses what it cannot read, with sentences that never quote the file", () => {
    expect(() => parseBitwardenJson("{not json")).toThrow(new ImportFileError("The file is not valid JSON."));
    expect(() => parseBitwardenJson('{"secret":"s3cr3t"}')).toThrow(
      "This is not a Bitwarden JSON export: it has no list of items.",
    );
    expect(() => parseBitwardenJson('{"encrypted":true,"items":[]}')).toThrow(
      "encrypted with a Bitwarden account's own key",
    );
    expect(() => parseBitwardenJson('{"encrypted":true,"passwordProtected":true}')).toThrow(
      "This export is password protected",
    );
  });
});

describe("Bitwarden's password-protected JSON", () => {
  it("is recognised from its text, and the registry asks for its password", () => {
    const text = JSON.stringify({ encrypted: true, passwordProtected: true, salt: "c2FsdA==" });
    expect(isPasswordProtectedExport(text)).toBe(true);
    expect(isPasswordProtectedExport(fixture("bitwarden-individual.json"))).toBe(false);
    expect(isPasswordProtectedExport("not json")).toBe(false);
    expect(importFormat("bitwarden-json")?.needsPassword?.(text)).toBe(true);
  });

  it("refuses an empty password, a damaged file and Argon2id before deriving anything", async () => {
    await expect(parseProtectedBitwardenJson("{}", "")).rejects.toThrow(
      "Enter the password the file was exported with.",
    );
    await expect(parseProtectedBitwardenJson('{"passwordProtected":true}', "pw")).rejects.toThrow(
      "This is not a password-protected Bitwarden export, or it is damaged.",
    );
    const argon = {
      passwordProtected: true,
      salt: "c2FsdA==",
      kdfType: 1,
      kdfIterations: 3,
      encKeyValidation_DO_NOT_EDIT: FAKE,
      data: FAKE,
    };
    await expect(parseProtectedBitwardenJson(JSON.stringify(argon), "pw")).rejects.toThrow("Argon2id");
  });

  it("refuses a wrong password with a clear sentence", async () => {
    const file = {
      passwordProtected: true,
      salt: "c2FsdA==",
      kdfType: 0,
      kdfIterations: 100_000,
      encKeyValidation_DO_NOT_EDIT: FAKE,
      data: FAKE,
    };
    await expect(parseProtectedBitwardenJson(JSON.stringify(file), "wrong")).rejects.toThrow(
      new ImportFileError(WRONG_PASSWORD),
    );
  });
});

const FAKE = `2.${Buffer.alloc(16, 1).toString("base64")}|${Buffer.alloc(32, 2).toString("base64")}|${Buffer.alloc(32, 3).toString("base64")}`;
