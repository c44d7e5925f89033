import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";
import { CONFIRM } from "./support/baseline-tenants";

/**
 * A provider admin makes an API key for their PSA (shown once, with a copy button), sees it listed with its access,
 * and revokes it after a confirmation. Lantern IT is the dashboard spec's provider too; keys do not touch its clients.
 */
test("an admin makes a read-only API key, sees it once, and revokes it", async ({ page }) => {
  const { provider } = CONFIRM;
  await logIn(page, provider.admin.email, provider.admin.password);
  await page.goto("/providers");
  await page.getByRole("link", { name: provider.name }).click();
  await page.getByRole("navigation", { name: "Provider Portal" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "New API key" }).click();
  const create = page.getByRole("dialog", { name: "New API key" });
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(create.getByLabel("Name")).toHaveAccessibleDescription(/Enter/);
  await create.getByLabel("Name").fill("HaloPSA");
  await expect(create.getByRole("radio", { name: /^Read-only/ })).toBeChecked();
  await create.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByRole("dialog", { name: "Your new API key" });
  await expect(shown.getByLabel("API key", { exact: true })).toHaveText(/^khp_[A-Za-z0-9_-]{43}$/);
  await expect(shown.getByRole("button", { name: "Copy API key" })).toBeVisible();
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();

  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "HaloPSA" }) });
  await expect(row).toContainText("Read-only");
  await expect(row).toContainText("Never");
  await row.getByRole("button", { name: "Revoke HaloPSA" }).click();
  await page.getByRole("dialog", { name: "Revoke HaloPSA?" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "HaloPSA is revoked." })).toBeVisible();
  await expect(row).toContainText("Revoked");
});
