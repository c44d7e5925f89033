import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { logIn } from "./helpers";
import { PAGES } from "./isolation/catalog";
import { type DemoTenants, type PageEntry, type PageRole } from "./isolation/types";
import { demoTenants, VISITOR_LOGINS } from "./isolation/visitors";
import { signInApi } from "./support/api-session";
import { recordCspViolations } from "./support/csp";

/**
 * Every page of the page-isolation catalog, opened in Chromium by a person it is for, unlocked as they would use it:
 * axe-core finds no serious or critical violation (at 1280 px), the page's Content-Security-Policy blocks nothing,
 * and at 390 px (a phone) the page does not scroll sideways (a wide table scrolls inside its own box). One test per
 * visitor, so that the walk shares the workers.
 */

/** Who opens a page: the first of these it is for (the catalog's other roles reach the same pages). */
const VISITORS = [
  "client_owner",
  "client_member",
  "provider_admin",
  "service_user",
  "other_client_owner",
  "operator",
  "signed_out",
] as const satisfies readonly PageRole[];
type Visitor = (typeof VISITORS)[number];

/** Stand-ins for the tenants' ids, to tell one page from another. */
const TEMPLATE: DemoTenants = { providerId: ":provider", client1: ":org", client2: ":org", internal: ":internal" };

/** Who walks each page: one visit per route (the same page of another tenant renders the same markup). */
function walks(): Map<Visitor | undefined, PageEntry[]> {
  const routes = new Set<string>();
  const byVisitor = new Map<Visitor | undefined, PageEntry[]>();
  for (const entry of PAGES) {
    const route = entry.path(TEMPLATE);
    if (entry.download || routes.has(route)) continue;
    routes.add(route);
    const by = entry.public ? "signed_out" : VISITORS.find((candidate) => entry.allowed.includes(candidate));
    byVisitor.set(by, [...(byVisitor.get(by) ?? []), entry]);
  }
  return byVisitor;
}
const WALKS = walks();

/** Pages per test: the longest walks are cut into parts, so that the workers share them evenly. */
const PART_SIZE = 8;
const PARTS = VISITORS.flatMap((visitor) => {
  const walk = WALKS.get(visitor) ?? [];
  const count = Math.ceil(walk.length / PART_SIZE);
  return Array.from({ length: count }, (_, index) => ({
    visitor,
    name: count > 1 ? `${visitor.replaceAll("_", " ")} (part ${index + 1} of ${count})` : visitor.replaceAll("_", " "),
    pages: walk.slice(index * PART_SIZE, (index + 1) * PART_SIZE),
  }));
});

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

/** The page's serious and critical axe findings, one line each. */
async function axeFindings(page: Page): Promise<string[]> {
  // Only violations are read: asking for no other result type spares axe most of its bookkeeping.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(" "));
      return `${violation.id} (${violation.nodes.length}): ${violation.help} — ${targets.join(", ")}`;
    });
}

let tenants: DemoTenants;

test.beforeAll(async ({ baseURL }) => {
  const signedIn = async (role: "provider_admin" | "client_owner" | "other_client_owner") => {
    const context: APIRequestContext = await playwrightRequest.newContext({ baseURL });
    await signInApi(context, VISITOR_LOGINS[role].email, VISITOR_LOGINS[role].password);
    return context;
  };
  tenants = await demoTenants(
    await signedIn("provider_admin"),
    await signedIn("client_owner"),
    await signedIn("other_client_owner"),
  );
});

test("every page of the catalog has a visitor in this walk", () => {
  expect((WALKS.get(undefined) ?? []).map((entry) => entry.path(TEMPLATE))).toEqual([]);
});

for (const { visitor, name, pages: walk } of PARTS) {
  test(`every page for ${name} passes axe and fits a phone's width`, async ({ page }, testInfo) => {
    test.setTimeout(60_000 + walk.length * 15_000);
    const failures: string[] = [];
    await recordCspViolations(page, failures);
    if (visitor !== "signed_out") await logIn(page, VISITOR_LOGINS[visitor].email, VISITOR_LOGINS[visitor].password);

    for (const entry of walk) {
      const path = entry.path(tenants);
      await page.setViewportSize({ width: 1280, height: 800 });
      const response = await page.goto(path);
      if (response?.status() !== 200) {
        failures.push(`${path}: answered ${response?.status()}`);
        continue;
      }
      // Pages decrypt in the browser after they load: wait until their requests are done.
      await page.waitForLoadState("networkidle");
      for (const finding of await axeFindings(page)) failures.push(`${path}: ${finding}`);
      const shot = SCREENSHOTS[entry.path(TEMPLATE)];
      const shotPath = (width: number) =>
        join(process.env.SCREENSHOTS_DIR ?? testInfo.outputPath(), `${shot}-${width}.png`);
      if (shot) await page.screenshot({ path: shotPath(1280) });

      await page.setViewportSize({ width: 390, height: 844 });
      if (shot) await page.screenshot({ path: shotPath(390) });
      const [scrollWidth, innerWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      if (scrollWidth! > innerWidth!) failures.push(`${path}: ${scrollWidth} px wide at ${innerWidth} px`);
    }
    expect(failures).toEqual([]);
  });
}
