import { describe, expect, it } from "vitest";
import { siteIconHostOf, siteIconHostSchema, siteIconPath } from "@/lib/vault/site-icons";

describe("siteIconHostSchema (which names the icon route takes)", () => {
  it.each([
    ["example.com", "example.com"],
    ["WWW.Example.COM", "www.example.com"],
    ["portal.client.example", "portal.client.example"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
    ["a-b.c0.io", "a-b.c0.io"],
    ["1password.com", "1password.com"],
    ["127.0.0.1.nip.io", "127.0.0.1.nip.io"], // a name: its addresses are checked when it is resolved
    [`${"a".repeat(63)}.example`, `${"a".repeat(63)}.example`],
  ])("takes %s as %s", (input, host) => {
    expect(siteIconHostSchema.parse(input)).toBe(host);
  });

  it.each([
    ["127.0.0.1", "an IPv4 literal"],
    ["10.0.0.1", "an IPv4 literal"],
    ["0x7f.1", "an address in another notation"],
    ["2130706433", "an address as one number"],
    ["[::1]", "an IPv6 literal"],
    ["::1", "an IPv6 literal"],
    ["localhost", "localhost"],
    ["LOCALHOST", "localhost"],
    ["app.localhost", "under localhost"],
    ["printer.local", "mDNS"],
    ["metadata.google.internal", ".internal"],
    ["router.home.arpa", "home network"],
    ["example.onion", "onion"],
    ["example.com:8080", "a port"],
    ["example.com.", "a trailing dot"],
    ["example", "a single label"],
    ["-bad.example", "a label starting with a hyphen"],
    ["bad-.example", "a label ending with a hyphen"],
    ["a..example", "an empty label"],
    ["under_score.example", "an underscore"],
    ["user@example.com", "a user"],
    ["example.com/path", "a path"],
    ["exämple.com", "unencoded Unicode"],
    [`${"a".repeat(64)}.example`, "a label over 63 characters"],
    [`${"abcdefghi.".repeat(25)}example`, "over 253 characters"],
    ["", "nothing"],
  ])("refuses %s (%s)", (input) => {
    expect(siteIconHostSchema.safeParse(input).success).toBe(false);
  });
});

describe("siteIconHostOf (which website an item's icon comes from)", () => {
  it("takes the first http or https URI with a public name, as written (www. kept)", () => {
    expect(siteIconHostOf(["https://www.Bank.example/login?next=1"])).toBe("www.bank.example");
    expect(siteIconHostOf(["http://portal.client.example:8443/"])).toBe("portal.client.example");
    expect(siteIconHostOf(["mail.acme.example/inbox"])).toBe("mail.acme.example");
    expect(siteIconHostOf(["", "http://192.168.1.1", "androidapp://com.example.app", "https://second.example"])).toBe(
      "second.example",
    );
  });

  it("finds none in apps, addresses, local names or text", () => {
    expect(
      siteIconHostOf([
        "http://192.168.1.1",
        "https://[2001:db8::1]/",
        "http://localhost:3000",
        "https://nas.local",
        "androidapp://com.example.app",
        "iosapp://com.example",
        "ftp://files.example.com",
        "not a url at all",
        "   ",
      ]),
    ).toBeNull();
    expect(siteIconHostOf([])).toBeNull();
  });

  it("names the route's path", () => {
    expect(siteIconPath("portal.client.example")).toBe("/icons/portal.client.example/icon.png");
  });
});
