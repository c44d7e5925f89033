import { validateHeaderValue } from "node:http";
import { describe, expect, it } from "vitest";
import { safeRedirectUrl, safeReturnPath } from "@/lib/safe-redirect";

const ORIGIN = "http://127.0.0.1:3000";

/** Where a browser would end up from this page after following `target` (it strips tabs and newlines itself). */
function landing(target: string): string {
  return new URL(target, `${ORIGIN}/login`).origin;
}

describe("safeReturnPath", () => {
  it.each([
    ["a protocol-relative URL", "//evil.example/x"],
    ["a backslash after the slash", "/\\evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded lower-case backslash", "/%5cevil.example"],
    ["an encoded tab", "/%09/evil.example/x"],
    ["a tab (as Next decodes %09)", "/\t/evil.example/x"],
    ["an encoded newline", "/%0a/evil.example"],
    ["a newline (as Next decodes %0a)", "/\n/evil.example"],
    ["an encoded carriage return", "/%0d"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL byte", "/vault\u0000"],
    ["an encoded NUL byte", "/vault%00"],
    ["an absolute URL", "https://evil.example"],
    ["an absolute URL on this site's scheme without slashes", "http:/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["an encoded slash making //", "/%2F/evil.example"],
    ["an encoded slash, double encoded", "/%252F/evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a leading space", " /x"],
    ["a trailing space", "/x "],
    ["a space inside", "/vault /x"],
    ["an encoded space", "/vault%20x"],
    ["a Unicode line separator", "/vault\u2028x"],
    ["an encoded Unicode line separator", "/vault%E2%80%A8x"],
    ["a non-breaking space", "/\u00a0/evil.example"],
    ["a relative path", "vault"],
    ["a malformed escape", "/vault%"],
    ["an empty string", ""],
  ])("refuses %s", (_, value) => {
    expect(safeReturnPath(value)).toBe("/vault");
  });

  it("answers the fallback for a missing value, and lets the caller choose it", () => {
    expect(safeReturnPath(null)).toBe("/vault");
    expect(safeReturnPath(undefined)).toBe("/vault");
    expect(safeReturnPath("//evil.example", "/settings")).toBe("/settings");
  });

  it.each([
    "/vault",
    "/settings/security",
    "/accept/organization?token=abc_DEF-123",
    "/organizations/7d5c1f5e-7a5f-4f3a-9c55-8f6f1c1c9a11/events?from=2026-01-01&to=2026-01-31",
    "/login?callbackUrl=%2Faccept%2Fprovider%3Ftoken%3Dxyz",
    "/vault#item",
  ])("keeps the same-site path %s as it is", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it("only ever answers a path that stays on this site and is a valid Location header", () => {
    const attempts = [
      "/%09/evil.example/x",
      "/\t/evil.example",
      "/\n/evil.example",
      "/%0d%0aSet-Cookie:x=1",
      "/\\evil.example",
      "//evil.example",
      "/ok?q=1",
    ];
    for (const attempt of attempts) {
      const path = safeReturnPath(attempt);
      expect(path).toMatch(/^\/(?![/\\])/);
      expect(landing(path)).toBe(ORIGIN);
      expect(() => validateHeaderValue("location", path)).not.toThrow();
    }
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  it("keeps same-origin targets, relative or absolute, as absolute URLs of this site", () => {
    expect(safeRedirectUrl("/vault?x=1", ORIGIN)).toBe(`${ORIGIN}/vault?x=1`);
    expect(safeRedirectUrl(`${ORIGIN}/login?callbackUrl=%2Fsettings`, ORIGIN)).toBe(
      `${ORIGIN}/login?callbackUrl=%2Fsettings`,
    );
  });

  it.each([
    "https://evil.example/x",
    "//evil.example",
    "/\t/evil.example",
    `${ORIGIN}/\t/evil.example`,
    "/%5Cevil.example",
    "javascript:alert(1)",
    "not a url",
  ])("sends %s to the vault instead", (target) => {
    expect(safeRedirectUrl(target, ORIGIN)).toBe(`${ORIGIN}/vault`);
  });
});
