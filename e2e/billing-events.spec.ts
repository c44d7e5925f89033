import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { logIn } from "./helpers";

/** Opens Demo MSP's portal from the provider list, as a person would; answers its tabs and its base path. */
async function openDemoMsp(page: Page) {
  await page.goto("/providers");
  await page.getByRole("link", { name: "Demo MSP" }).click();
  await page.waitForURL(/\/providers\/[0-9a-f-]{36}\//);
  const tabs = page.getByRole("navigation", { name: "Provider Portal" });
  await expect(tabs).toBeVisible();
  return { tabs, base: new URL(page.url()).pathname.replace(/^(\/providers\/[^/]+).*$/, "$1") };
}

// The seed's billing figures are checked by e2e/client-move.spec.ts, before and after a client leaves Demo MSP.
test("a provider admin exports the event log", async ({ page }) => {
  await logIn(page, "admin@demo-msp.example");
  const { tabs } = await openDemoMsp(page);

  await tabs.getByRole("link", { name: "Event logs" }).click();
  await expect(page.getByRole("heading", { name: "Event logs", level: 1 })).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From").fill("2026-01-01");
  await page.getByLabel("To").fill(today);
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page).toHaveURL(new RegExp(`start=2026-01-01&end=${today}`));
  await expect(page.getByLabel("From")).toHaveValue("2026-01-01");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`keyhouse-provider-events-2026-01-01-to-${today}.csv`);
  const csv = await readFile(await file.path(), "utf8");
  expect(csv.split("\r\n")[0]).toBe("Timestamp,Member,Event,Client,IP");
});

test("the provider's event log rolls up its clients' events and filters them by client, event and member", async ({
  page,
}) => {
  await logIn(page, "admin@demo-msp.example");
  const { tabs } = await openDemoMsp(page);
  // Opening a client's console is an event of that client, in the provider's log.
  await page.getByRole("link", { name: "My Client's Organization" }).click();
  await expect(page.getByRole("navigation", { name: "Admin Console" })).toBeVisible();
  await page.goBack();

  await tabs.getByRole("link", { name: "Event logs" }).click();
  await expect(page.getByRole("heading", { name: "Event logs", level: 1 })).toBeVisible();
  await page.getByLabel("Client", { exact: true }).fill("my client");
  await page.getByLabel("Event", { exact: true }).selectOption({ label: "Opened a client's Admin Console" });
  await page.getByLabel("Member", { exact: true }).fill("admin@demo-msp");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page).toHaveURL(/client=my\+client&member=admin%40demo-msp&type=provider_organization_vault_accessed/);
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: "Opened a client's Admin Console" });
  await expect(rows.first()).toContainText("My Client's Organization");
  await expect(rows.first()).toContainText("admin@demo-msp.example");
  // Every row shown is that client's.
  const clients = await page.getByRole("table").getByRole("row").filter({ hasText: "UTC" }).allInnerTexts();
  expect(clients.length).toBeGreaterThan(0);
  for (const text of clients) expect(text).toContain("My Client's Organization");
  // The browser draws the table from what it shows: the page carries no user agent of the events.
  expect(await page.content()).not.toContain(await page.evaluate(() => navigator.userAgent));

  // A client no event names shows the filter's empty state.
  await page.getByLabel("Client", { exact: true }).fill("No such client");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page.getByText("No events match this filter.")).toBeVisible();
});

test("a bad date in the event log's address shows a message and the last 30 days", async ({ page }) => {
  await logIn(page, "admin@demo-msp.example");
  const { base } = await openDemoMsp(page);
  await page.goto(`${base}/events?start=2026-02-30`);
  await expect(
    page.getByText("Dates must be real calendar dates written as YYYY-MM-DD (years 1970 to 2999)."),
  ).toBeVisible();
  await expect(page.getByLabel("To")).toHaveValue(new Date().toISOString().slice(0, 10));
});

test("a service user has no Billing or Event logs tab, and cannot open them by address", async ({ page }) => {
  await logIn(page, "tech@demo-msp.example");
  const { tabs, base } = await openDemoMsp(page);
  await expect(tabs.getByRole("link", { name: "Clients" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Billing" })).toHaveCount(0);
  await expect(tabs.getByRole("link", { name: "Event logs" })).toHaveCount(0);
  for (const section of ["billing", "events"]) {
    const response = await page.goto(`${base}/${section}`);
    expect(response?.status()).toBe(404);
  }
});
