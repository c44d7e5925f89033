import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, logIn, registerOrLogIn } from "./helpers";
import { PAGES } from "./isolation/catalog";
import { type DemoTenants, type PageRole } from "./isolation/types";
import { keyMaterial } from "./support/api-session";

/**
 * Every page of the page-isolation catalog, opened in Chromium by a person it is for, unlocked as they would use it:
 * axe-core finds no serious or critical violation (at 1280 px), and at 390 px (a phone) the page does not scroll
 * sideways (a wide table scrolls inside its own box).
 */

const OPERATOR = { email: "operator5@keyhouse.test", name: "Fifth Operator", password: "fifth operator password" };

/** Who opens a page: the first of these it is for (the catalog's other roles reach the same pages). */
const VISITORS: readonly Exclude<PageRole, "signed_out" | "unrelated_user" | "other_provider_admin">[] = [
  "provider_admin",
  "client_owner",
  "client_member",
  "service_user",
  "other_client_owner",
  "operator",
];

const LOGINS: Record<(typeof VISITORS)[number], string> = {
  provider_admin: "admin@demo-msp.example",
  client_owner: "owner@client1.example",
  client_member: "user@client1.example",
  service_user: "tech@demo-msp.example",
  other_client_owner: "owner@client2.example",
  operator: OPERATOR.email,
};

async function signedInPage(browser: Browser, role: (typeof VISITORS)[number]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (role === "operator") await registerOrLogIn(page, OPERATOR);
  else await logIn(page, LOGINS[role], DEMO_PASSWORD);
  return page;
}

async function demoTenants(admin: Page, owner1: Page, owner2: Page): Promise<DemoTenants> {
  const [adminKeys, owner1Keys, owner2Keys] = await Promise.all(
    [admin, owner1, owner2].map((page) => keyMaterial(page.request)),
  );
  return {
    providerId: adminKeys!.providers.find((provider) => provider.name === "Demo MSP")!.id,
    client1: owner1Keys!.organizations[0]!.id,
    client2: owner2Keys!.organizations[0]!.id,
    internal: adminKeys!.organizations.find((organization) => organization.name === "Demo MSP Internal")!.id,
  };
}

/** Stand-ins for the tenants' ids, to tell one page from another. */
const TEMPLATE: DemoTenants = { providerId: ":provider", client1: ":org", client2: ":org", internal: ":internal" };

/** The page's serious and critical axe findings, one line each. */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(" "));
      return `${violation.id} (${violation.nodes.length}): ${violation.help} — ${targets.join(", ")}`;
    });
}

/**
 * The pages README shows, by route: each is photographed at both widths during the walk, into SCREENSHOTS_DIR
 * (`npm run screenshots` sets it to docs/screenshots) or else into the test's own output folder.
 */
const SCREENSHOTS: Record<string, string> = {
  "/vault": "vault",
  "/providers/:provider/clients": "provider-clients",
  "/organizations/:org/members": "console-members",
  "/organizations/:org/collections": "console-collections",
  "/providers/:provider/billing": "provider-billing",
  "/settings/preferences": "settings-preferences",
};

test("every page passes axe and fits a phone's width", async ({ browser }, testInfo) => {
  test.setTimeout(480_000);
  const pages = new Map<PageRole, Page>();
  for (const role of VISITORS) pages.set(role, await signedInPage(browser, role));
  pages.set("signed_out", await (await browser.newContext()).newPage());
  const tenants = await demoTenants(
    pages.get("provider_admin")!,
    pages.get("client_owner")!,
    pages.get("other_client_owner")!,
  );

  const failures: string[] = [];
  const visited = new Set<string>();
  for (const entry of PAGES) {
    if (entry.download) continue;
    // One visit per page: the same page of another tenant renders the same markup.
    const route = entry.path(TEMPLATE);
    if (visited.has(route)) continue;
    visited.add(route);
    const role: PageRole = entry.public ? "signed_out" : VISITORS.find((visitor) => entry.allowed.includes(visitor))!;
    const page = pages.get(role)!;
    const path = entry.path(tenants);
    await page.setViewportSize({ width: 1280, height: 800 });
    const response = await page.goto(path);
    if (response?.status() !== 200) {
      failures.push(`${path} as ${role}: answered ${response?.status()}`);
      continue;
    }
    // Pages decrypt in the browser after they load: wait until their requests are done.
    await page.waitForLoadState("networkidle");
    for (const finding of await axeFindings(page)) failures.push(`${path} as ${role}: ${finding}`);
    const shot = SCREENSHOTS[route];
    const shotPath = (width: number) =>
      join(process.env.SCREENSHOTS_DIR ?? testInfo.outputPath(), `${shot}-${width}.png`);
    if (shot) await page.screenshot({ path: shotPath(1280) });

    await page.setViewportSize({ width: 390, height: 844 });
    if (shot) await page.screenshot({ path: shotPath(390) });
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    if (widths[0]! > widths[1]!) failures.push(`${path} as ${role}: ${widths[0]} px wide at ${widths[1]} px`);
  }
  expect(failures).toEqual([]);
});
