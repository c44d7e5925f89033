import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { logIn, registerOrLogIn, uniqueEmail } from "./helpers";

/**
 * Organization info and the Admin Console's event log, as people use them. No demo organization is deleted here:
 * other specs rely on each of them (the billing figures count the third client's seats, page isolation needs the
 * others) and the e2e data are shared by all specs of a run. So the owner of client 2 only opens the delete dialog
 * and checks its typed-name guard, and the deletion itself happens to an organization a new user creates for it.
 */

const NEW_NAME = "Client Two";
const NEW_BILLING_EMAIL = "accounts@client2.example";

// The provider admin's part reads what the owner's part wrote.
test.describe.configure({ mode: "serial" });

function productSwitcher(page: Page) {
  return page.getByRole("button", { name: /^Switch product, current:/ });
}

function consoleNav(page: Page) {
  return page.getByRole("navigation", { name: "Admin Console" });
}

async function openEventLog(page: Page) {
  await consoleNav(page).getByRole("link", { name: "Event logs" }).click();
  await expect(page.getByRole("heading", { name: "Event logs", level: 1 })).toBeVisible();
}

test("the owner renames the organization, changes its billing email, and finds it in the event log and its CSV", async ({
  page,
}) => {
  await logIn(page, "owner@client2.example");
  await productSwitcher(page).click();
  await page
    .getByRole("navigation", { name: "Products" })
    .getByRole("link", { name: "Second Client's Organization" })
    .click();
  // Settings opens Organization info itself, with its content, not a page of links (issue 14).
  await consoleNav(page).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/info$/);
  await expect(page.getByRole("heading", { name: "Organization info", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Organization name")).toHaveValue("Second Client's Organization");
  await expect(page.getByText("Managed by Demo MSP")).toBeVisible();

  // A blank name is refused next to the field, and nothing changes.
  const name = page.getByLabel("Organization name");
  await name.fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(name).toHaveAccessibleDescription("Enter a name.");
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await name.fill(NEW_NAME);
  await page.getByLabel("Billing email").fill(NEW_BILLING_EMAIL);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Organization info saved." })).toBeVisible();
  await expect(productSwitcher(page)).toContainText(`Admin Console: ${NEW_NAME}`);
  await page.reload();
  await expect(page.getByLabel("Organization name")).toHaveValue(NEW_NAME);
  await expect(page.getByLabel("Billing email")).toHaveValue(NEW_BILLING_EMAIL);

  // The danger zone asks for the exact name before it lets the owner delete; here the owner thinks better of it.
  await page.getByRole("button", { name: "Delete organization" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete organization" });
  const deleteButton = dialog.getByRole("button", { name: "Delete organization" });
  await expect(deleteButton).toBeDisabled();
  await dialog.getByLabel(`Type “${NEW_NAME}” to confirm`).fill(NEW_NAME.toLowerCase());
  await expect(deleteButton).toBeDisabled();
  await dialog.getByLabel(`Type “${NEW_NAME}” to confirm`).fill(NEW_NAME);
  await expect(deleteButton).toBeEnabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  await openEventLog(page);
  const today = new Date().toISOString().slice(0, 10);
  const updated = page.getByRole("row").filter({ hasText: "Updated organization settings" });
  await expect(updated).toHaveCount(1);
  await expect(updated).toContainText("owner@client2.example");
  await expect(updated).not.toContainText("Demo MSP");
  await expect(page.getByRole("columnheader")).toHaveText(["Timestamp", "Member", "Event", "IP"]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^keyhouse-organization-events-\\d{4}-\\d{2}-\\d{2}-to-${today}\\.csv$`),
  );
  const csv = await readFile(await file.path(), "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe("Timestamp,Member,Event,IP");
  expect(lines.some((line) => line.includes("Oscar Owner (owner@client2.example),Updated organization settings"))).toBe(
    true,
  );
});

test("a provider admin opens the same client and finds their own actions named with the provider", async ({ page }) => {
  await logIn(page, "admin@demo-msp.example");
  await page.goto("/providers");
  await page.getByRole("link", { name: "Demo MSP" }).click();
  await expect(page.getByRole("heading", { name: "Clients" })).toBeVisible();
  // Opening a client's console from the clients table is itself logged, as Demo MSP's.
  await page.getByRole("link", { name: NEW_NAME }).click();
  await expect(page.getByText("Managed by Demo MSP").first()).toBeVisible();
  await openEventLog(page);

  const opened = page.getByRole("row").filter({ hasText: "Opened a client's Admin Console" });
  await expect(opened.first()).toContainText("Dana Admin");
  await expect(opened.first()).toContainText("admin@demo-msp.example · acting for Demo MSP");
  // The address it came from: this test's browser, over loopback (no proxy in front, so the connection's own).
  await expect(opened.first()).toContainText("127.0.0.1");
  // The owner's change stays the owner's.
  await expect(page.getByRole("row").filter({ hasText: "Updated organization settings" })).toContainText(
    "owner@client2.example",
  );

  // As a provider member the admin may change the organization's info, but not delete it.
  await consoleNav(page).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByLabel("Organization name")).toHaveValue(NEW_NAME);
  await expect(page.getByRole("button", { name: "Delete organization" })).toHaveCount(0);
});

test("an owner deletes an organization after typing its name, and lands in the vault", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const throwaway = `Throwaway ${stamp}`;
  await registerOrLogIn(page, {
    email: uniqueEmail("throwaway-owner"),
    name: "Tess Throwaway",
    password: "throwaway owner master password",
  });
  await page.getByRole("link", { name: "New organization" }).click();
  await page.getByLabel("Organization name").fill(throwaway);
  await page.getByLabel("Seats").fill("2");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: throwaway })).toBeVisible();
  const consoleUrl = page.url().replace(/\/overview$/, "");

  await consoleNav(page).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByText(/^Billed to /)).toBeVisible();
  await page.getByRole("button", { name: "Delete organization" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete organization" });
  await dialog.getByLabel(`Type “${throwaway}” to confirm`).fill(throwaway);
  await dialog.getByRole("button", { name: "Delete organization" }).click();

  await expect(page).toHaveURL(/\/vault$/);
  await expect(page.getByRole("status").filter({ hasText: `Deleted ${throwaway}.` })).toBeVisible();
  await productSwitcher(page).click();
  await expect(page.getByRole("navigation", { name: "Products" }).getByRole("link", { name: throwaway })).toHaveCount(
    0,
  );
  expect((await page.goto(`${consoleUrl}/settings/info`))?.status()).toBe(404);
});
