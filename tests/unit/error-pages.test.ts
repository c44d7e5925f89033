import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";
import GlobalError from "@/app/global-error";

/** A server error as production hands it to the browser: a generic message and the digest of its log line. */
const SECRET_MESSAGE = 'Failed query: select "users"."security_stamp" from "users" where "users"."id" = $1';
const error = Object.assign(new Error(SECRET_MESSAGE), { digest: "3141592653" });

describe("error pages show a way out and a reference, never the error", () => {
  it("app/error.tsx: Something went wrong, Try again, the digest", () => {
    const html = renderToStaticMarkup(createElement(ErrorPage, { error, retry: () => {} }));
    expect(html).toContain("Something went wrong");
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
    expect(html).toContain("3141592653");
    expect(html).not.toContain("users");
    expect(html).not.toContain("Failed query");
  });

  it("app/global-error.tsx: its own document, the same", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error, retry: () => {} }));
    expect(html).toMatch(/^<html lang="en">.*<title>Something went wrong \| Keyhouse<\/title>.*<body/);
    expect(html).toContain("Something went wrong");
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
    expect(html).toContain("3141592653");
    expect(html).not.toContain("Failed query");
  });

  it("a client error without a digest shows no reference", () => {
    const html = renderToStaticMarkup(createElement(ErrorPage, { error: new Error("x"), retry: () => {} }));
    expect(html).not.toContain("Reference");
  });
});
