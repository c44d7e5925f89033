import { expect, type Page, test } from "@playwright/test";
import { logIn, newPage } from "./helpers";
import { keyMaterial } from "./support/api-session";
import { BASELINE } from "./support/baseline-tenants";

/**
 * Issue 16's baseline path: Beacon IT's admin puts master password requirements in the provider's policy baseline and
 * applies it to the provider's three clients (e2e/support/baseline-tenants.ts), which then show no drift; a client's
 * owner weakens the policy in their console, and the baseline page shows that client as weaker until it is applied
 * again.
 */

function driftRow(page: Page, client: string) {
  return page.getByRole("table", { name: "Clients and the baseline" }).getByRole("row", { name: new RegExp(client) });
}

test("a baseline applied to three clients shows no drift; a client's owner weakens a policy and the drift appears", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { provider, clients } = BASELINE;
  await logIn(page, provider.admin.email, provider.admin.password);
  await page.goto("/providers");
  await page.getByRole("link", { name: provider.name }).click();
  await page
    .getByRole("navigation", { name: "Provider Portal" })
    .getByRole("link", { name: "Policy baseline" })
    .click();
  await expect(page.getByRole("heading", { name: "Policy baseline", level: 1 })).toBeVisible();
  await expect(page.getByText("The baseline holds no policy yet.")).toBeVisible();

  await test.step("the admin puts master password requirements of 14 characters in the baseline", async () => {
    await page.getByRole("button", { name: "Edit Master password requirements" }).click();
    const dialog = page.getByRole("dialog", { name: "Master password requirements" });
    await dialog.getByRole("switch", { name: "Include in the baseline" }).check();
    await dialog.getByLabel("Minimum length").fill("14");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "is in the baseline." })).toBeVisible();
    for (const client of clients) await expect(driftRow(page, client.name)).toContainText("Missing");
  });

  await test.step("applied to the three clients, none drifts", async () => {
    await page.getByRole("button", { name: "Apply to 3 drifting clients" }).click();
    const confirm = page.getByRole("dialog", { name: "Apply the baseline to every drifting client?" });
    await confirm.getByRole("button", { name: "Apply the baseline" }).click();
    await expect(page.getByRole("status").filter({ hasText: "3 policies in 3 clients." })).toBeVisible();
    await expect(page.getByText("3 clients covered: 3 match, 0 stronger, 0 weaker, 0 missing a policy.")).toBeVisible();
    for (const client of clients) await expect(driftRow(page, client.name)).toContainText("Matches");
    await expect(page.getByRole("button", { name: /^Apply to/ })).toHaveCount(0);
  });

  const birch = clients[1]!;
  await test.step(`${birch.name}'s owner lowers the minimum length to 12 in their console`, async () => {
    const owner = await newPage(browser);
    await logIn(owner, birch.owner.email, birch.owner.password);
    const organizationId = (await keyMaterial(owner.request)).organizations[0]!.id;
    await owner.goto(`/organizations/${organizationId}/settings/policies`);
    await owner.getByRole("button", { name: "Edit Master password requirements" }).click();
    const dialog = owner.getByRole("dialog", { name: "Master password requirements" });
    await expect(dialog.getByRole("switch", { name: "Turn on" })).toBeChecked();
    await expect(dialog.getByLabel("Minimum length")).toHaveValue("14");
    await dialog.getByLabel("Minimum length").fill("12");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await owner.close();
  });

  await test.step("the baseline page shows the drift, and applying again closes it", async () => {
    await page.reload();
    await expect(page.getByText("3 clients covered: 2 match, 0 stronger, 1 weaker, 0 missing a policy.")).toBeVisible();
    const row = driftRow(page, birch.name);
    await expect(row).toContainText("Weaker");
    await expect(row).toContainText("Master password requirements: weaker");
    await row.getByRole("button", { name: `Apply the baseline to ${birch.name}` }).click();
    await page
      .getByRole("dialog", { name: `Apply the baseline to ${birch.name}?` })
      .getByRole("button", { name: "Apply the baseline" })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "1 policy in 1 client." })).toBeVisible();
    await expect(row).toContainText("Matches");
  });
});
