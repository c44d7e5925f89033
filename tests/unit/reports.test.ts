import { describe, expect, it } from "vitest";
import { reusedPasswords } from "@/lib/reports/reused-passwords";
import { unsecuredWebsites } from "@/lib/reports/unsecured-websites";
import { weakPasswords } from "@/lib/reports/weak-passwords";
import { type CipherView, newCipher } from "@/lib/vault/cipher-model";
import { type CipherType } from "@/lib/enums";

type Item = CipherView & { id: string };

let next = 0;
function login(name: string, fields: { username?: string; password?: string | null; uris?: string[] } = {}): Item {
  const item = newCipher("login", name);
  item.login = {
    ...item.login!,
    username: fields.username ?? null,
    password: fields.password === undefined ? null : fields.password,
    uris: (fields.uris ?? []).map((uri) => ({ uri, match: null })),
  };
  next += 1;
  return { ...item, id: `item-${next}` };
}

function other(type: Exclude<CipherType, "login">, name: string): Item {
  next += 1;
  return { ...newCipher(type, name), id: `item-${next}` };
}

const STRONG = "q7#Lm2$Vx9!pRt4z";
const names = (items: { name: string }[]) => items.map((item) => item.name);

describe("weak passwords", () => {
  it("lists logins rated below Good, weakest first, with the rating", async () => {
    const found = await weakPasswords([
      login("Portal", { username: "it@client.example", password: "Winter2026!" }),
      login("Bank", { username: "ada", password: STRONG }),
      login("Mail", { username: "ada", password: "password" }),
    ]);
    expect(found.map((finding) => [finding.item.name, finding.strength.score, finding.strength.label])).toEqual([
      ["Mail", 0, "Very weak"],
      ["Portal", 2, "Weak"],
    ]);
  });

  it("counts the username as a word a guesser knows", async () => {
    const password = "Kestrelmoon#9";
    expect(await weakPasswords([login("Plain", { username: "ada", password })])).toEqual([]);
    const found = await weakPasswords([login("Named", { username: "kestrelmoon@example.com", password })]);
    expect(names(found.map((finding) => finding.item))).toEqual(["Named"]);
  });

  it("leaves out items without a password to check: empty, hidden from the member, or not a login", async () => {
    const found = await weakPasswords([
      login("Empty", { password: "" }),
      login("Hidden", { password: null }),
      other("secure_note", "Note"),
      other("card", "Card"),
    ]);
    expect(found).toEqual([]);
  });

  it("finds nothing in an empty vault", async () => {
    expect(await weakPasswords([])).toEqual([]);
  });
});

describe("reused passwords", () => {
  it("groups logins by exact password and counts them, most used first", () => {
    const groups = reusedPasswords([
      login("Router", { password: "Winter2026!" }),
      login("Portal", { password: "Winter2026!" }),
      login("Unique", { password: STRONG }),
      login("A", { password: "hunter2" }),
      login("B", { password: "hunter2" }),
      login("C", { password: "hunter2" }),
    ]);
    expect(groups.map((group) => [group.count, names(group.items)])).toEqual([
      [3, ["A", "B", "C"]],
      [2, ["Portal", "Router"]],
    ]);
  });

  it("does not count the same password in a different case, or with spaces around it, as reuse", () => {
    expect(
      reusedPasswords([
        login("Lower", { password: "winter2026!" }),
        login("Upper", { password: "WINTER2026!" }),
        login("Spaced", { password: " winter2026!" }),
      ]),
    ).toEqual([]);
  });

  it("ignores empty and hidden passwords, and items that are not logins", () => {
    expect(
      reusedPasswords([
        login("Empty 1", { password: "" }),
        login("Empty 2", { password: "" }),
        login("Hidden 1", { password: null }),
        login("Hidden 2", { password: null }),
        other("secure_note", "Note 1"),
        other("secure_note", "Note 2"),
      ]),
    ).toEqual([]);
  });

  it("never carries the password itself", () => {
    const [group] = reusedPasswords([
      login("One", { password: "shared-secret" }),
      login("Two", { password: "shared-secret" }),
    ]);
    expect(Object.keys(group!)).toEqual(["count", "items"]);
  });
});

describe("unsecured websites", () => {
  it("lists logins with an http:// address, and only those addresses", () => {
    const found = unsecuredWebsites([
      login("Router", { uris: ["http://192.168.1.1", "https://192.168.1.1"] }),
      login("Portal", { uris: ["https://portal.example"] }),
      login("Mixed", { uris: ["https://a.example", "http://b.example", "HTTP://C.EXAMPLE"] }),
    ]);
    expect(found.map((finding) => [finding.item.name, finding.uris])).toEqual([
      ["Mixed", ["http://b.example", "HTTP://C.EXAMPLE"]],
      ["Router", ["http://192.168.1.1"]],
    ]);
  });

  it("does not take https://, other schemes, bare hosts or http:// inside an address for unsecured", () => {
    expect(
      unsecuredWebsites([
        login("Secure", { uris: ["https://bank.example"] }),
        login("Bare host", { uris: ["bank.example", "androidapp://com.bank"] }),
        login("Redirect", { uris: ["https://go.example/?to=http://bank.example"] }),
        login("Httpx", { uris: ["httpx://bank.example", "http:/bank.example"] }),
        login("None", {}),
      ]),
    ).toEqual([]);
  });

  it("ignores items that are not logins", () => {
    expect(unsecuredWebsites([other("identity", "Passport"), other("ssh_key", "Server")])).toEqual([]);
  });
});
