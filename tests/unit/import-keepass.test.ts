import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseKeePassXml } from "@/lib/import/keepass-xml";
import { ImportFileError } from "@/lib/import/types";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/import", name), "utf8");

describe("KeePass 2 XML", () => {
  const result = parseKeePassXml(fixture("keepass.xml"));

  it("reads entries as logins, groups below the root as folders, and other strings as custom fields", () => {
    expect(result.items.map((item) => [item.view.name, item.folder ?? null])).toEqual([
      ["Router", null],
      ["Store", "Internet/Shopping"],
    ]);
    const [router, store] = result.items.map((item) => item.view);
    expect(router).toMatchObject({
      notes: "Root entry & notes",
      login: { username: "admin", password: "  Kee-Pass 1  ", uris: [{ uri: "http://192.168.1.1", match: null }] },
      fields: [],
    });
    expect(store).toMatchObject({
      notes: null,
      login: { username: "kim", password: "St0re-Pass", totp: "otpauth://totp/Store?secret=JBSWY3DPEHPK3PXP" },
      fields: [
        { name: "Customer number", value: "C-1001", type: 0 },
        { name: "Security answer", value: "blue", type: 1 },
      ],
    });
  });

  it("leaves out old versions of entries and skips the recycle bin", () => {
    expect(result.items.some((item) => item.view.name === "Router (old)")).toBe(false);
    expect(result.skipped).toEqual([{ row: 3, reason: "It is in KeePass's recycle bin." }]);
  });

  it("refuses broken XML and XML that is not a KeePass file", () => {
    expect(() => parseKeePassXml("<KeePassFile><Root>")).toThrow(/^The file is not valid XML/);
    expect(() => parseKeePassXml("<html><body>secret</body></html>")).toThrow("This is not a KeePass 2 XML file");
  });

  it("does not expand entities without limit", () => {
    const entities = Array.from(
      { length: 10 },
      (_, index) => `<!ENTITY e${index + 1} "${`&e${index};`.repeat(10)}">`,
    ).join("");
    const bomb = `<?xml version="1.0"?><!DOCTYPE k [<!ENTITY e0 "lol">${entities}]><KeePassFile><Root><Group><Entry><String><Key>Title</Key><Value>&e10;</Value></String></Entry></Group></Root></KeePassFile>`;
    // fast-xml-parser caps entity expansion: the value stays short, or the file is refused with our sentence.
    let names: string[] = [];
    try {
      names = parseKeePassXml(bomb).items.map((item) => item.view.name);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportFileError);
    }
    expect(names.every((name) => name.length < 1000)).toBe(true);
  });
});
