import { expect, type Page, test } from "@playwright/test";
import { logIn, watchForText } from "./helpers";

const CLIENT = "My Client's Organization";

/** The table row of the report that this item or member names. */
function rowOf(page: Page, name: string | RegExp) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
}

/** From the list of reports to one of them, as a person would. */
async function openReport(page: Page, title: string) {
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
}

async function backToReports(page: Page) {
  await page.getByRole("link", { name: "All reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
}

async function openConsoleReports(page: Page) {
  await page.getByRole("navigation", { name: "Admin Console" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
}

async function expectMemberAccess(page: Page) {
  await openReport(page, "Member access");
  const owner = rowOf(page, /owner@client1\.example/);
  await expect(owner).toContainText("Owner");
  await expect(owner).toContainText("Default collection: Can manage (all collections as Owner)");
  const user = rowOf(page, /user@client1\.example/);
  await expect(user).toContainText("User");
  // The demo's user reaches it directly (can edit) and through the Staff group (can view): the edit wins.
  await expect(user).toContainText(/Default collection: Can edit \(direct/);
}

test("a client's owner finds the demo's weak, reused and unsecured logins, and who reaches what", async ({ page }) => {
  test.setTimeout(300_000);
  await logIn(page, "owner@client1.example");
  await page.getByRole("button", { name: /^Switch product/ }).click();
  await page.getByRole("navigation", { name: "Products" }).getByRole("link", { name: CLIENT }).click();
  await expect(page.getByRole("heading", { name: CLIENT, level: 1 })).toBeVisible();
  await openConsoleReports(page);

  // Items are decrypted here, with a visible progress bar.
  const sawProgress = await watchForText(page, "Decrypting items in this browser");
  await openReport(page, "Weak passwords");
  const weak = page.getByRole("table", { name: /^Weak passwords/ });
  // zxcvbn rates each password in the browser, on Web Workers, with progress; other specs may add logins here.
  await expect(weak).toBeVisible({ timeout: 180_000 });
  expect(await sawProgress()).toBe(true);
  await expect(weak.getByRole("rowheader")).toHaveText(["Client portal", "Office router"]);
  await expect(rowOf(page, "Client portal").getByRole("cell")).toHaveText([
    "it@client.example",
    "Default collection",
    "Weak",
  ]);
  await expect(page.getByText("Accounting software")).toHaveCount(0);
  await backToReports(page);

  await openReport(page, "Reused passwords");
  const reused = page.getByRole("table", { name: /^Reused passwords/ });
  await expect(reused.getByRole("rowheader")).toHaveText(["Client portal", "Office router"]);
  await expect(rowOf(page, "Client portal")).toContainText("Used 2 times");
  await expect(rowOf(page, "Client portal")).toContainText("Also in Office router");
  await expect(rowOf(page, "Office router")).toContainText("Used 2 times");
  await backToReports(page);

  await openReport(page, "Unsecured websites");
  const unsecured = page.getByRole("table", { name: /^Unsecured websites/ });
  await expect(unsecured.getByRole("rowheader")).toHaveText(["Office router"]);
  await expect(rowOf(page, "Office router")).toContainText("http://192.168.1.1");
  await backToReports(page);

  await expectMemberAccess(page);
});

test("a provider admin gets an explanation instead of item reports, and the member access report", async ({ page }) => {
  await logIn(page, "admin@demo-msp.example");
  await page.getByRole("button", { name: /^Switch product/ }).click();
  await page.getByRole("navigation", { name: "Products" }).getByRole("link", { name: "Demo MSP", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Clients" })).toBeVisible();
  await page.getByRole("link", { name: CLIENT }).click();
  await expect(page.getByRole("heading", { name: CLIENT, level: 1 })).toBeVisible();
  await openConsoleReports(page);
  await expect(page.getByText("As a provider member you can run the Member access report.")).toBeVisible();

  for (const title of ["Weak passwords", "Reused passwords", "Unsecured websites"]) {
    await openReport(page, title);
    await expect(page.getByText("This report is for the organization's own members")).toBeVisible();
    await expect(page.getByText("provider members do not read a client's vault items")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await backToReports(page);
  }

  await expectMemberAccess(page);
});
