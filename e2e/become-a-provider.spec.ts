import { expect, type Page, test } from "@playwright/test";
import { followMailLink, logIn, newPage, register, registerOrLogIn, uniqueEmail } from "./helpers";

/**
 * Issue 9's way in, as a business walks it: a new user makes an Enterprise organization, asks to become a provider,
 * an operator approves in /admin, and the user finishes the provider in the portal and creates the first client.
 * operator4@keyhouse.test is this spec's own address in playwright.config.ts's ADMIN_EMAILS.
 */
const OPERATOR = {
  email: "operator4@keyhouse.test",
  name: "Fourth Operator",
  password: "fourth operator master password",
};

const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

async function openSwitcher(page: Page) {
  await page.getByRole("button", { name: /Switch product/ }).click();
  return page.getByRole("navigation", { name: "Products" });
}

test("a business becomes a provider: request, operator approval, provider key, first client", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const business = `Acme IT ${suffix}`;
  const internal = `Acme IT Internal ${suffix}`;
  const firstClient = `Dental Practice ${suffix}`;
  const owner = { email: uniqueEmail("becoming-provider"), name: "Acme Owner", password: "acme owner master password" };
  await register(page, owner);

  // The switcher shows the way in; without an Enterprise organization the page says what is missing.
  await (await openSwitcher(page)).getByRole("link", { name: "Become a provider" }).click();
  await expect(page.getByRole("heading", { name: "Become a provider", level: 1 })).toBeVisible();
  await expect(page.getByText("You have no organization that can be your provider's internal one")).toBeVisible();
  await page.getByRole("link", { name: "Create an Enterprise organization" }).click();
  await expect(page.getByLabel("Plan")).toHaveValue("enterprise_monthly");
  await page.getByLabel("Organization name").fill(internal);
  await page.getByRole("button", { name: "Create organization" }).click();

  // Back on the request, which offers the new organization as the internal one.
  await expect(page.getByRole("heading", { name: "Your request" })).toBeVisible();
  await expect(page.getByLabel("Internal organization")).toContainText(internal);
  await page.getByLabel("Business name").fill(business);
  await page.getByLabel("Type").selectOption({ label: "Managed service provider (MSP)" });
  await page.getByLabel("First client's name (optional)").fill(firstClient);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(toast(page, "Request sent. An operator will review it.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your request is waiting for review" })).toBeVisible();
  await expect(page.getByText(internal)).toBeVisible();

  // The operator approves it in /admin.
  const operator = await newPage(browser);
  await registerOrLogIn(operator, OPERATOR);
  await operator.goto("/admin");
  await operator
    .getByRole("navigation", { name: "Operator" })
    .getByRole("link", { name: /Provider requests/ })
    .click();
  await expect(operator.getByRole("heading", { name: "Provider requests", level: 1 })).toBeVisible();
  const row = operator.getByRole("row").filter({ hasText: business });
  await expect(row).toContainText(owner.email);
  await expect(row).toContainText(internal);
  await expect(row).toContainText(firstClient);
  await row.getByRole("button", { name: /Approve/ }).click();
  const approve = operator.getByRole("dialog", { name: `Approve ${business}?` });
  await approve.getByRole("button", { name: "Approve" }).click();
  await expect(toast(operator, `Approved ${business}.`)).toBeVisible();
  await expect(operator.getByRole("row").filter({ hasText: business })).toHaveCount(0);

  // The requester is mailed, and opens the new provider from the switcher.
  await followMailLink(operator, { to: owner.email, subject: `${business} is now a provider on Keyhouse` });
  await page.goto("/vault");
  await (await openSwitcher(page)).getByRole("link", { name: business }).click();
  await expect(page.getByRole("heading", { name: `Finish setting up ${business}` })).toBeVisible();
  await page.getByRole("button", { name: "Create the provider key" }).click();
  await expect(page.getByRole("heading", { name: "Clients" })).toBeVisible();
  await expect(page.getByText(`Your request named ${firstClient} as your first client`)).toBeVisible();

  // The internal organization is never offered as a client.
  await page.getByRole("button", { name: "Add" }).click();
  await page.getByRole("menuitem", { name: "Existing organization" }).click();
  const existing = page.getByRole("dialog", { name: "Add existing organization" });
  await expect(existing.getByText("You own no organization that can be added.")).toBeVisible();
  await expect(existing.getByText(internal)).toHaveCount(0);
  await page.keyboard.press("Escape");

  // The first client, its name offered from the request.
  await page.getByRole("button", { name: "Add" }).click();
  await page.getByRole("menuitem", { name: "New client" }).click();
  const create = page.getByRole("dialog", { name: "New client" });
  await expect(create.getByLabel("Organization name")).toHaveValue(firstClient);
  await create.getByLabel("Client owner email").fill(uniqueEmail("dental-owner"));
  await create.getByLabel("Plan").selectOption({ label: "Enterprise" });
  await create.getByLabel("Seats").fill("5");
  await create.getByRole("button", { name: "Create client" }).click();
  await expect(create).toBeHidden();
  await expect(page.getByRole("rowheader", { name: firstClient })).toBeVisible();

  // Settings names the internal organization.
  await page.getByRole("navigation", { name: "Provider Portal" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByLabel("Internal organization")).toHaveValue(/.+/);
  await expect(page.getByLabel("Internal organization").locator("option:checked")).toHaveText(internal);
});

test("the demo's client owner learns why their organization cannot be a provider's internal one", async ({ page }) => {
  await logIn(page, "owner@client2.example");
  await page.goto("/become-a-provider");
  await expect(
    page.getByText(
      "Second Client's Organization is a client of Demo MSP. A provider's internal organization is never a client.",
    ),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Create an Enterprise organization" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send request" })).toHaveCount(0);
});
