import { validateHeaderValue } from "node:http";
import { isValidElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import LockPage from "@/app/(auth)/lock/page";
import LoginPage from "@/app/(auth)/login/page";
import RegisterPage from "@/app/(auth)/register/page";
import { type DemoIds, loadDemo } from "../support/demo";
import { signInAs, signOut } from "../support/session";

type Page = (props: { searchParams: Promise<Record<string, string>> }) => Promise<unknown>;

const SITE = "http://127.0.0.1:3000";

// Next decodes the query string once: `callbackUrl=/%09/evil.example/x` reaches the page as "/\t/evil.example/x".
const ATTACKS = [
  "/\t/evil.example/x",
  "/\n/evil.example",
  "/\r/evil.example",
  "//evil.example",
  "/\\evil.example",
  "/%5Cevil.example",
  "https://evil.example",
];

/** The Location header Next would send for the page's redirect, which Node checks before sending. */
async function redirectTarget(page: Page, searchParams: Record<string, string>): Promise<string> {
  try {
    await page({ searchParams: Promise.resolve(searchParams) });
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest);
    if (digest.startsWith("NEXT_REDIRECT;")) return digest.split(";").slice(2, -2).join(";");
    throw error;
  }
  throw new Error("the page did not redirect");
}

function expectSameSiteLocation(location: string) {
  // Node refuses a header value with a newline: next start answered 500 for callbackUrl=/%0a/...
  expect(() => validateHeaderValue("location", location)).not.toThrow();
  expect(new URL(location, `${SITE}/login`).origin).toBe(SITE);
  expect(location).toMatch(/^\/(?![/\\])/);
}

describe("redirects after login, registration and unlock stay on this site", () => {
  let demo: DemoIds;
  beforeAll(async () => {
    demo = await loadDemo();
  });

  it.each(ATTACKS)("login and register, signed in, with callbackUrl %j", async (attack) => {
    await signInAs(demo.users.owner1);
    for (const page of [LoginPage, RegisterPage] as Page[]) {
      const location = await redirectTarget(page, { callbackUrl: attack });
      expectSameSiteLocation(location);
      expect(location).toBe("/vault");
    }
  });

  it("keeps a same-site callbackUrl with its query string", async () => {
    await signInAs(demo.users.owner1);
    expect(await redirectTarget(LoginPage as Page, { callbackUrl: "/accept/organization?token=abc" })).toBe(
      "/accept/organization?token=abc",
    );
  });

  it.each(ATTACKS)("the login form, signed out, with callbackUrl %j", async (attack) => {
    signOut();
    const element = await (LoginPage as Page)({ searchParams: Promise.resolve({ callbackUrl: attack }) });
    if (!isValidElement<{ returnTo: string }>(element)) throw new Error("no form");
    expect(element.props.returnTo).toBe("/vault");
  });

  it.each(ATTACKS)("the unlock form with returnTo %j", async (attack) => {
    await signInAs(demo.users.owner1);
    const element = await (LockPage as Page)({ searchParams: Promise.resolve({ returnTo: attack }) });
    if (!isValidElement<{ returnTo: string }>(element)) throw new Error("no form");
    expect(element.props.returnTo).toBe("/vault");
  });
});
