import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createProviderThroughUi, DEMO_PASSWORD, logOut, register } from "../helpers";
import { keyMaterial, signInApi } from "../support/api-session";
import { PAGES } from "./catalog";
import { type DemoTenants, PAGE_ROLES, type PageRole } from "./types";

/**
 * Every page, visited over HTTP as every role: the roles a page is for get it, every other signed-in role gets a
 * 404 (not a hint that the tenant exists), and signed-out visitors are sent to the login page.
 */

const UNRELATED = { email: `unrelated-${Date.now().toString(36)}@e2e.example`, password: "unrelated user password" };
const OPERATOR = { email: "operator@keyhouse.test", password: "operator master password" };

const OTHER_ADMIN = {
  email: `other-admin-${Date.now().toString(36)}@e2e.example`,
  name: "Other Admin",
  password: "other provider admin password",
};

const LOGINS: Record<
  Exclude<PageRole, "signed_out" | "unrelated_user" | "operator" | "other_provider_admin">,
  string
> = {
  client_member: "user@client1.example",
  client_owner: "owner@client1.example",
  other_client_owner: "owner@client2.example",
  service_user: "tech@demo-msp.example",
  provider_admin: "admin@demo-msp.example",
};

test.describe.configure({ mode: "serial" });

test("every page answers each role as it should", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  // Two accounts the demo does not have, created through the UI.
  await register(page, { ...UNRELATED, name: "Unrelated" });
  // Logging out as a person does: clearing cookies races the vault's own session requests, which set it again.
  await logOut(page);
  await register(page, { ...OPERATOR, name: "Operator" });
  // An admin of another provider: the operator creates it, its owner sets it up.
  const otherOwner = await (await browser.newContext()).newPage();
  await createProviderThroughUi(page, otherOwner, { name: `Other MSP ${Date.now().toString(36)}`, owner: OTHER_ADMIN });

  const contexts = new Map<PageRole, Awaited<ReturnType<typeof playwrightRequest.newContext>>>();
  for (const role of PAGE_ROLES) {
    const context = await playwrightRequest.newContext({ baseURL });
    if (role === "unrelated_user") await signInApi(context, UNRELATED.email, UNRELATED.password);
    else if (role === "operator") await signInApi(context, OPERATOR.email, OPERATOR.password);
    else if (role === "other_provider_admin") await signInApi(context, OTHER_ADMIN.email, OTHER_ADMIN.password);
    else if (role !== "signed_out") await signInApi(context, LOGINS[role], DEMO_PASSWORD);
    contexts.set(role, context);
  }
  const admin = await keyMaterial(contexts.get("provider_admin")!);
  const owner1 = await keyMaterial(contexts.get("client_owner")!);
  const owner2 = await keyMaterial(contexts.get("other_client_owner")!);
  const tenants: DemoTenants = {
    providerId: admin.providers.find((provider) => provider.name === "Demo MSP")!.id,
    client1: owner1.organizations[0]!.id,
    client2: owner2.organizations[0]!.id,
    internal: admin.organizations.find((organization) => organization.name === "Demo MSP Internal")!.id,
  };

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
