import { expect, type Page, test } from "@playwright/test";
import { followMailLink, logIn, newPage, register, uniqueEmail } from "./helpers";
import { LEGACY_OPERATOR } from "./support/legacy-account";

/**
 * The operator pages, as an operator uses them. operator@keyhouse.test belongs to the page-isolation spec, which
 * registers it on the same server; this spec uses the second address playwright.config.ts puts in ADMIN_EMAILS,
 * registered through the mailed link (so verified), and the legacy account, listed but not verified.
 */
const OPERATOR = {
  email: "operator2@keyhouse.test",
  name: "Second Operator",
  password: "second operator master password",
};

const providerRow = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
const toast = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

test("an operator creates a provider, edits its seat minimums, and disables and enables Demo MSP", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await register(page, OPERATOR);
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Providers", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /Switch product, current: Operator/ })).toBeVisible();

  // Create a provider; a bad minimum is refused first with the schema's sentence.
  const name = `E2E MSP ${Date.now().toString(36)}`;
  const ownerEmail = uniqueEmail("provider-owner");
  await page.getByRole("button", { name: "New provider" }).click();
  const create = page.getByRole("dialog", { name: "New provider" });
  await expect(create.getByLabel("Provider name")).toBeFocused();
  await create.getByLabel("Provider name").fill(name);
  await create.getByLabel("Owner email").fill(ownerEmail);
  await create.getByLabel("Teams seat minimum").fill("5");
  await create.getByLabel("Enterprise seat minimum").fill("1.5");
  await create.getByRole("button", { name: "Create provider" }).click();
  await expect(create.getByText("Seat minimum must be a whole number.").first()).toBeVisible();
  await create.getByLabel("Enterprise seat minimum").fill("20");
  await create.getByRole("button", { name: "Create provider" }).click();
  await expect(toast(page, `Created ${name}. Its setup link was mailed to ${ownerEmail}.`)).toBeVisible();
  await expect(create).toBeHidden();
  const created = providerRow(page, name);
  await expect(created.getByRole("cell")).toHaveText([
    "Pending",
    "Enabled",
    "0",
    "5",
    "20",
    /^\d{4}-\d{2}-\d{2}$/,
    /Edit seat minimums/,
  ]);

  // The owner's setup mail is in the development mailbox.
  await page.goto("/dev/mailbox");
  await page.getByRole("link", { name: `Set up your provider ${name} on Keyhouse` }).click();
  const mail = page.locator("#mail");
  await expect(mail.getByText(ownerEmail)).toBeVisible();
  await expect(mail.getByRole("link", { name: /\/providers\/setup\?token=/ })).toBeVisible();

  // Edit its seat minimums: the dialog shows the current ones and refuses a negative one.
  await page.goto(`/admin?q=${encodeURIComponent(name)}`);
  await created.getByRole("button", { name: `Edit seat minimums of ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Seat minimums of ${name}` });
  await expect(edit.getByLabel("Teams seat minimum")).toHaveValue("5");
  await expect(edit.getByLabel("Enterprise seat minimum")).toHaveValue("20");
  await edit.getByLabel("Teams seat minimum").fill("-1");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("Seat minimum cannot be negative.").first()).toBeVisible();
  await edit.getByLabel("Teams seat minimum").fill("7");
  await edit.getByLabel("Enterprise seat minimum").fill("30");
  const basis = edit.getByLabel("Invoices bill clients' seats by");
  await expect(basis).toHaveValue("peak");
  await basis.selectOption("average");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(toast(page, `Saved the seat minimums of ${name}.`)).toBeVisible();
  await expect(created.getByRole("cell").nth(3)).toHaveText("7");
  await expect(created.getByRole("cell").nth(4)).toHaveText("30");
  await created.getByRole("button", { name: `Edit seat minimums of ${name}` }).click();
  await expect(basis).toHaveValue("average");
  await edit.getByRole("button", { name: "Cancel" }).click();

  // Disable Demo MSP: Escape cancels and gives focus back; confirming disables it.
  await page.getByRole("searchbox", { name: "Search by name" }).fill("Demo MSP");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=Demo\+MSP/);
  const demo = providerRow(page, "Demo MSP");
  const disableButton = demo.getByRole("button", { name: "Disable Demo MSP" });
  await disableButton.click();
  const disable = page.getByRole("dialog", { name: "Disable Demo MSP?" });
  // How many clients Demo MSP has depends on which other specs ran first (one moves a client out, one adds one).
  await expect(disable).toContainText(
    /Disabling Demo MSP disables its \d+ client organizations; enabling restores them\./,
  );
  await page.keyboard.press("Escape");
  await expect(disable).toBeHidden();
  await expect(disableButton).toBeFocused();
  await expect(demo.getByRole("cell").nth(1)).toHaveText("Enabled");

  await disableButton.click();
  await disable.getByRole("button", { name: "Disable provider" }).click();
  await expect(toast(page, /Disabled Demo MSP and its \d+ client organizations\./)).toBeVisible();
  await expect(demo.getByRole("cell").nth(1)).toHaveText("Disabled");

  // Meanwhile, Demo MSP's admin sees the provider and its clients disabled, and cannot add clients.
  const admin = await newPage(browser);
  await logIn(admin, "admin@demo-msp.example");
  await admin.goto("/providers");
  await admin.getByRole("link", { name: "Demo MSP" }).click();
  await expect(admin.getByText("This provider is disabled")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Add" })).toBeDisabled();
  await expect(admin.getByRole("row").filter({ hasText: "My Client's Organization" })).toContainText("Disabled");

  await demo.getByRole("button", { name: "Enable Demo MSP" }).click();
  const enable = page.getByRole("dialog", { name: "Enable Demo MSP?" });
  await expect(enable).toContainText(/Enabling Demo MSP restores its \d+ client organizations/);
  await enable.getByRole("button", { name: "Enable provider" }).click();
  await expect(toast(page, /Enabled Demo MSP\. Its \d+ client organizations are restored\./)).toBeVisible();
  await expect(demo.getByRole("cell").nth(1)).toHaveText("Enabled");

  await admin.reload();
  await expect(admin.getByText("This provider is disabled")).toHaveCount(0);
  await expect(admin.getByRole("button", { name: "Add" })).toBeEnabled();
  await expect(admin.getByRole("row").filter({ hasText: "My Client's Organization" })).not.toContainText("Disabled");
});

test("a person who is not an operator gets the not-found page at /admin", async ({ page }) => {
  await logIn(page, "tech@demo-msp.example");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New provider" })).toHaveCount(0);
});

test("a listed operator whose address is not verified gets the not-found page at /admin until they verify it", async ({
  page,
}) => {
  // An account from before registration verified addresses (e2e/support/seed-before-start.ts).
  await logIn(page, LEGACY_OPERATOR.email, LEGACY_OPERATOR.password);
  const refused = await page.goto("/admin");
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.goto("/vault");
  await page.getByRole("button", { name: /Switch product/ }).click();
  const products = page.getByRole("navigation", { name: "Products" });
  await expect(products.getByRole("link", { name: "Vault" })).toBeVisible();
  await expect(products.getByRole("link", { name: "Operator" })).toHaveCount(0);

  await page.goto("/settings");
  await expect(page.getByText("Not verified", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Send verification email" }).click();
  await expect(toast(page, `A verification link was sent to ${LEGACY_OPERATOR.email}.`)).toBeVisible();

  await followMailLink(page, { to: LEGACY_OPERATOR.email, subject: "Verify your Keyhouse email address" });
  await expect(
    page.getByText(`Confirm that ${LEGACY_OPERATOR.email} is the address of your Keyhouse account.`),
  ).toBeVisible();
  await page.getByRole("button", { name: "Verify email address" }).click();
  await expect(page.getByText(`Your email address ${LEGACY_OPERATOR.email} is verified.`)).toBeVisible();

  const allowed = await page.goto("/admin");
  expect(allowed?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Providers", level: 1 })).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByText("Verified", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send verification email" })).toHaveCount(0);
});
