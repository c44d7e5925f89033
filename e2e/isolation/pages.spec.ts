import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signInApi } from "../support/api-session";
import { PAGES } from "./catalog";
import { PAGE_ROLES, type PageRole } from "./types";
import { demoTenants, VISITOR_LOGINS } from "./visitors";

/**
 * Every page, visited over HTTP as every role: the roles a page is for get it, every other signed-in role gets a
 * 404 (not a hint that the tenant exists), and signed-out visitors are sent to the login page.
 */
test("every page answers each role as it should", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const contexts = new Map<PageRole, Awaited<ReturnType<typeof playwrightRequest.newContext>>>();
  for (const role of PAGE_ROLES) {
    const context = await playwrightRequest.newContext({ baseURL });
    if (role !== "signed_out") await signInApi(context, VISITOR_LOGINS[role].email, VISITOR_LOGINS[role].password);
    contexts.set(role, context);
  }
  const tenants = await demoTenants(
    contexts.get("provider_admin")!,
    contexts.get("client_owner")!,
    contexts.get("other_client_owner")!,
  );

  const failures: string[] = [];
  for (const entry of PAGES) {
    const path = entry.path(tenants);
    for (const role of PAGE_ROLES) {
      const response = await contexts.get(role)!.get(path, { maxRedirects: 0 });
      const status = response.status();
      const location = response.headers().location ?? "";
      const expected = entry.public || entry.allowed.includes(role) ? 200 : role === "signed_out" ? "login" : 404;
      const ok =
        expected === "login" ? status >= 300 && status < 400 && location.includes("/login") : status === expected;
      if (!ok) failures.push(`${path} as ${role}: expected ${expected}, got ${status} ${location}`);
    }
  }
  expect(failures).toEqual([]);
});
