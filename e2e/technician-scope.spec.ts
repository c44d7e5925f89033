import { expect, type Page, test } from "@playwright/test";
import { logIn, newPage } from "./helpers";
import { SCOPE } from "./support/scope-tenants";

/**
 * Issue 15's first acceptance path, on a provider of its own with four clients (e2e/support/scope-tenants.ts): its
 * admin makes a client group, tags a third client with it, and scopes the service user to two clients and the group,
 * all through the UI. The technician then sees exactly those three, one of them only through the group, and the
 * fourth client's pages, routes and actions answer 404, including those of a clients table loaded before the scope
 * changed.
 */
const GROUP = "Dental practices";
const [FIRST, SECOND] = SCOPE.chosen as [string, string];
const REACHED = [FIRST, SECOND, SCOPE.grouped];
const ANY_CLIENT = new RegExp([...REACHED, SCOPE.outside].join("|"));

async function openCompass(page: Page) {
  await page.goto("/providers");
  await page.getByRole("link", { name: SCOPE.provider.name }).click();
  await page.waitForURL(/\/providers\/[0-9a-f-]{36}\//);
  const tabs = page.getByRole("navigation", { name: "Provider Portal" });
  await expect(tabs).toBeVisible();
  await tabs.getByRole("link", { name: "Clients" }).click();
  await expect(clientsTable(page)).toBeVisible();
  return tabs;
}

function clientsTable(page: Page) {
  return page.getByRole("table", { name: `Clients of ${SCOPE.provider.name}` });
}

async function searchClients(page: Page, text: string) {
  await page.getByRole("searchbox", { name: "Search clients" }).fill(text);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === text);
}

test("an admin scopes a technician to two clients and a group; everything else is a 404", async ({ browser }) => {
  test.setTimeout(90_000);
  // The technician's clients table, loaded while they still reach every client.
  const tech = await newPage(browser);
  await logIn(tech, SCOPE.technician.email, SCOPE.technician.password);
  await openCompass(tech);
  await expect(clientsTable(tech).getByRole("link")).toHaveText([...REACHED, SCOPE.outside]);

  const admin = await newPage(browser);
  await logIn(admin, SCOPE.provider.admin.email, SCOPE.provider.admin.password);
  const tabs = await openCompass(admin);
  const outside = await clientsTable(admin).getByRole("link", { name: SCOPE.outside }).getAttribute("href");
  expect(outside).toMatch(/^\/organizations\/[0-9a-f-]{36}$/);

  await tabs.getByRole("link", { name: "Client groups" }).click();
  await expect(admin.getByRole("heading", { name: "Client groups", level: 1 })).toBeVisible();
  await admin.getByRole("button", { name: "New client group" }).click();
  const create = admin.getByRole("dialog", { name: "New client group" });
  await create.getByLabel("Name").fill(GROUP);
  await create.getByRole("button", { name: "Create group" }).click();
  await expect(create).toBeHidden();
  await admin.getByRole("button", { name: `Options for ${GROUP}` }).click();
  await admin.getByRole("menuitem", { name: "Choose clients" }).click();
  const tag = admin.getByRole("dialog", { name: `Clients of ${GROUP}` });
  await tag.getByRole("checkbox", { name: SCOPE.grouped }).check();
  await tag.getByRole("button", { name: "Save" }).click();
  await expect(tag).toBeHidden();
  await expect(admin.getByRole("row", { name: new RegExp(GROUP) })).toContainText("1");

  await tabs.getByRole("link", { name: "Members" }).click();
  const row = admin.getByRole("row").filter({ hasText: SCOPE.technician.email });
  await expect(row).toContainText("All clients");
  await expect(admin.getByRole("row").filter({ hasText: SCOPE.provider.admin.email })).toContainText(
    "All clients (admin)",
  );
  await row.getByRole("button", { name: `Options for ${SCOPE.technician.email}` }).click();
  await admin.getByRole("menuitem", { name: "Client access" }).click();
  const access = admin.getByRole("dialog", { name: `Client access for ${SCOPE.technician.email}` });
  await access.getByRole("radio", { name: "Chosen clients and groups" }).check();
  const clients = access.getByRole("group", { name: "Clients" });
  await clients.getByRole("checkbox", { name: FIRST }).check();
  await clients.getByRole("checkbox", { name: SECOND }).check();
  await access.getByRole("group", { name: "Client groups" }).getByRole("checkbox", { name: GROUP }).check();
  await access.getByRole("button", { name: "Save" }).click();
  await expect(access).toBeHidden();
  await expect(row).toContainText("2 clients, 1 group");

  // The stale table's actions on the client left out: opening its console and editing it both answer "not found".
  await clientsTable(tech).getByRole("link", { name: SCOPE.outside }).click();
  await expect(tech.getByText("Not found.")).toBeVisible();
  await expect(tech).toHaveURL(/\/providers\//);
  await tech.getByRole("button", { name: `Options for ${SCOPE.outside}` }).click();
  await tech.getByRole("menuitem", { name: "Edit name and seats" }).click();
  const edit = tech.getByRole("dialog", { name: `Edit ${SCOPE.outside}` });
  await edit.getByLabel("Organization name").fill(`${SCOPE.outside} renamed`);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("Not found.")).toBeVisible();
  await edit.getByRole("button", { name: "Cancel" }).click();

  // Exactly the three reached, in the table and in its search; the fourth is not found by name either.
  await tech.reload();
  await expect(clientsTable(tech).getByRole("link")).toHaveText(REACHED);
  await searchClients(tech, "Dune");
  await expect(clientsTable(tech)).toBeHidden();
  await searchClients(tech, "Dental");
  await expect(clientsTable(tech).getByRole("link")).toHaveText([SECOND, SCOPE.grouped]);
  await tech.getByRole("button", { name: /Switch product/ }).click();
  const products = tech.getByRole("navigation", { name: "Products" });
  await expect(products.getByRole("link", { name: SCOPE.provider.name })).toBeVisible();
  await expect(products.getByText(ANY_CLIENT)).toHaveCount(0);
  await tech.keyboard.press("Escape");

  for (const page of ["", "/members", "/collections", "/provider-access", "/settings/info", "/settings/export"]) {
    expect((await tech.goto(`${outside}${page}`))?.status(), page).toBe(404);
  }
  expect((await tech.request.get(`${outside}/events/export`)).status()).toBe(404);

  // The client reached only through the group opens.
  await openCompass(tech);
  await clientsTable(tech).getByRole("link", { name: SCOPE.grouped }).click();
  await expect(tech.getByRole("heading", { name: SCOPE.grouped, level: 1 })).toBeVisible();
});
