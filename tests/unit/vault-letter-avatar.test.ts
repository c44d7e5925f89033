import { describe, expect, it } from "vitest";
import { AVATAR_COLOURS, hostOf, letterAvatar } from "@/components/vault/letter-avatar";

/** WCAG 2's contrast ratio of a colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

describe("letter avatars for items", () => {
  it("takes the first letter of the first website's host, without www., else of the name", () => {
    expect(letterAvatar("Bank", ["https://www.example.com/login"]).letter).toBe("E");
    expect(letterAvatar("Bank", ["", "not a url at all", "mail.acme.test"]).letter).toBe("M");
    expect(letterAvatar("  bank account", []).letter).toBe("B");
    expect(letterAvatar("ümlaut", []).letter).toBe("Ü");
    expect(letterAvatar("42 things").letter).toBe("4");
    expect(letterAvatar("—").letter).toBe("?");
  });

  it("derives the colour from the same text, so an item keeps its colour and a site has one", () => {
    const a = letterAvatar("One", ["https://github.com"]);
    expect(letterAvatar("Another name", ["github.com/login"])).toEqual(a);
    expect(letterAvatar("One", ["https://github.com"])).toEqual(a);
    const colours = new Set(
      ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"].map((n) => letterAvatar(n).colour),
    );
    expect(colours.size).toBeGreaterThan(2);
  });

  it("keeps white letters readable on every colour (WCAG AA, 4.5:1)", () => {
    for (const colour of AVATAR_COLOURS) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it("reads hosts as people type them", () => {
    expect(hostOf("https://www.bank.example/login")).toBe("bank.example");
    expect(hostOf("bank.example")).toBe("bank.example");
    expect(hostOf("androidapp://com.example.app")).toBe("com.example.app");
    expect(hostOf("   ")).toBeNull();
    expect(hostOf("http://")).toBeNull();
  });
});
