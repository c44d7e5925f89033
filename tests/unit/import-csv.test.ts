import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBitwardenCsv } from "@/lib/import/bitwarden-csv";
import { parseChromeCsv } from "@/lib/import/chrome-csv";
import { parseFirefoxCsv } from "@/lib/import/firefox-csv";
import { parseLastPassCsv } from "@/lib/import/lastpass-csv";
import { parseOnePasswordCsv } from "@/lib/import/onepassword-csv";
import { NOTHING_TO_IMPORT } from "@/lib/import/result";
import { ImportFileError } from "@/lib/import/types";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/import", name), "utf8");

describe("Chrome and Edge CSV", () => {
  const result = parseChromeCsv(fixture("chrome.csv"));

  it("reads logins with their name, URL, username, password and note", () => {
    expect(result.items.map((item) => item.view.name)).toEqual(["Example Mail", "shop.example.net", "Forum"]);
    const [mail, shop, forum] = result.items.map((item) => item.view);
    expect(mail).toMatchObject({
      type: "login",
      notes: "Work mailbox",
      login: {
        username: "alice@example.com",
        password: "Chr0me-Pass!",
        uris: [{ uri: "https://mail.example.com/login", match: null }],
      },
    });
    expect(shop?.notes).toBeNull();
    expect(forum).toMatchObject({
      notes: "line one\nline two",
      login: { username: "dave, the admin", password: 'pass "quoted"' },
    });
  });

  it("skips an empty row and a row with too few columns, saying why", () => {
    expect(result.skipped).toEqual([
      { row: 5, reason: "The row has 3 columns where the first row has 5." },
      { row: 4, reason: NOTHING_TO_IMPORT },
    ]);
  });

  it("refuses a file without Chrome's columns, and a file with broken quoting", () => {
    expect(() => parseChromeCsv("title,website\nx,y\n")).toThrow(ImportFileError);
    expect(() => parseChromeCsv("title,website\nx,y\n")).toThrow(
      "This is not a Chrome or Edge CSV file: its first row needs the columns name, url, username, password",
    );
    expect(() => parseChromeCsv('name,url,username,password\n"unclosed,https://a.example,u,p\n')).toThrow(
      "The file is not valid CSV",
    );
  });
});

describe("Firefox CSV", () => {
  const result = parseFirefoxCsv(fixture("firefox.csv"));

  it("names each login after its site and keeps when the password changed", () => {
    expect(result.items.map((item) => item.view)).toMatchObject([
      {
        name: "bank.example.com",
        login: { username: "erin", password: "F1refox-Pass", passwordRevisionDate: "2023-11-14T22:16:40.000Z" },
      },
      { name: "news.example.org", login: { username: null, password: "news-pass", passwordRevisionDate: null } },
    ]);
  });

  it("skips Firefox's own account entry", () => {
    expect(result.skipped).toEqual([{ row: 3, reason: "It is Firefox's own account sign-in, not a website login." }]);
  });
});

describe("LastPass CSV", () => {
  const result = parseLastPassCsv(fixture("lastpass.csv"));

  it("reads logins with TOTP and folder, and secure notes (http://sn)", () => {
    const [git, codes, card] = result.items;
    expect(git).toMatchObject({
      folder: "Work/Dev",
      view: {
        type: "login",
        name: "Git Server",
        notes: "deploy key in vault",
        login: { username: "frank", password: "La5tPass-Pass", totp: "JBSWY3DPEHPK3PXP" },
      },
    });
    expect(codes).toMatchObject({
      folder: "Work",
      view: { type: "secure_note", name: "Office codes", notes: "Door code is 4711\nAlarm code is 0815", login: null },
    });
    expect(card?.folder).toBeUndefined();
    expect(card?.view).toMatchObject({
      type: "card",
      name: "Company Visa",
      notes: "Company card\nUse for travel only",
      card: {
        cardholderName: "Frank Example",
        brand: "Visa",
        number: "4111111111111111",
        code: "123",
        expMonth: "6",
        expYear: "2027",
      },
      fields: [{ name: "Start Date", value: ",", type: 0 }],
    });
  });

  it("skips a row with nothing in it", () => {
    expect(result.skipped).toEqual([{ row: 5, reason: NOTHING_TO_IMPORT }]);
  });
});

describe("1Password CSV", () => {
  it("finds columns by name, keeps other columns as custom fields, and makes notes of items without login data", () => {
    const result = parseOnePasswordCsv(fixture("onepassword.csv"));
    expect(result.skipped).toEqual([]);
    expect(result.items.map((item) => item.view)).toMatchObject([
      {
        type: "login",
        name: "Cloud Console",
        notes: "Root account",
        login: {
          username: "grace@example.com",
          password: "1Pass-Secret",
          totp: "otpauth://totp/Cloud?secret=JBSWY3DPEHPK3PXP",
          uris: [{ uri: "https://console.cloud.example" }],
        },
        fields: [{ name: "Recovery codes", value: "aaaa-bbbb\ncccc-dddd", type: 0 }],
      },
      { type: "secure_note", name: "Wi-Fi", notes: "Network: Office / Key: hunter22", fields: [] },
    ]);
  });

  it("reads older exports' column names too", () => {
    const result = parseOnePasswordCsv("title,website,username,password,notes\nOld app,https://old.example,me,pw,\n");
    expect(result.items[0]?.view).toMatchObject({
      name: "Old app",
      login: { username: "me", password: "pw", uris: [{ uri: "https://old.example" }] },
    });
  });

  it("refuses a file without a Title column", () => {
    expect(() => parseOnePasswordCsv("url,username,password\nhttps://a.example,u,p\n")).toThrow(
      "This is not a 1Password CSV file",
    );
  });
});

describe("Bitwarden CSV", () => {
  it("reads an individual export: folders, reprompt, several URIs, custom fields, notes; skips types CSV cannot hold", () => {
    const result = parseBitwardenCsv(fixture("bitwarden-individual.csv"));
    const [chat, list] = result.items;
    expect(chat).toMatchObject({
      folder: "Social",
      view: {
        type: "login",
        name: "Chat",
        notes: "multi\nline notes",
        reprompt: 1,
        fields: [
          { name: "Recovery", value: "12345", type: 0 },
          { name: "Pin", value: "9999", type: 0 },
        ],
        login: {
          username: "heidi",
          password: "Bw-Csv-Pass",
          totp: "otpauth://totp/Chat?secret=JBSWY3DPEHPK3PXP",
          uris: [{ uri: "https://chat.example.com" }, { uri: "https://m.chat.example.com" }],
        },
      },
    });
    expect(list).toMatchObject({
      view: { type: "secure_note", name: "Shopping list", notes: "milk, eggs", login: null },
    });
    expect(result.skipped).toEqual([
      { row: 4, reason: "Its type is neither login nor note, the only types Bitwarden's CSV holds." },
    ]);
  });

  it("reads an organization export, taking away the apostrophe our export puts before formulas", () => {
    const result = parseBitwardenCsv(fixture("bitwarden-org.csv"));
    expect(result.items.map((item) => [item.folder, item.view.name, item.view.login?.password ?? null])).toEqual([
      ["Default collection", "VPN", "=cmd|' /C calc'!A0"],
      ["Default collection,Ops", "Runbook", null],
    ]);
  });
});
