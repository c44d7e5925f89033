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

/**
 * Over real HTTP, as a PSA calls it: the key made in the page lists the provider's clients, a read-only key is refused a
 * change, a revoked one everything. The webhook endpoint's secret is shown once; the reference page lists the calls.
 */
test("a PSA calls the API with the key; webhooks and the reference are on the same page", async ({ page }) => {
  const { provider, client } = CONFIRM;
  await logIn(page, provider.admin.email, provider.admin.password);
  await page.goto("/providers");
  await page.getByRole("link", { name: provider.name }).click();
  await page.getByRole("navigation", { name: "Provider Portal" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  const providerId = /\/providers\/([0-9a-f-]{36})\//.exec(page.url())![1]!;

  await page.getByRole("button", { name: "New API key" }).click();
  const create = page.getByRole("dialog", { name: "New API key" });
  await create.getByLabel("Name").fill("Autotask");
  await create.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByRole("dialog", { name: "Your new API key" });
  const key = (await shown.getByLabel("API key", { exact: true }).textContent())!;
  await shown.getByRole("button", { name: "Done" }).click();

  const api = (path: string, init: { method?: string; data?: unknown } = {}) =>
    page.request.fetch(`/api/providers/${providerId}/v1${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${key}` },
      data: init.data,
    });
  const listed = await api("/clients");
  expect(listed.status()).toBe(200);
  const { clients } = (await listed.json()) as { clients: { id: string; name: string }[] };
  const lantern = clients.find((one) => one.name === client.name)!;
  expect(lantern).toBeDefined();
  const refused = await api(`/clients/${lantern.id}`, { method: "PATCH", data: { seats: 99 } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: { code: "read_only", message: "This API key is read-only." } });
  await page.reload();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Autotask" }) });
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: "Revoke Autotask" }).click();
  await page.getByRole("dialog", { name: "Revoke Autotask?" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
  expect((await api("/clients")).status()).toBe(401);

  await page.getByRole("button", { name: "Add endpoint" }).click();
  const add = page.getByRole("dialog", { name: "Add a webhook endpoint" });
  await add.getByLabel("Endpoint address").fill("https://psa.example.com/keyhouse");
  await add.getByRole("button", { name: "Add endpoint" }).click();
  const secret = page.getByRole("dialog", { name: "Your endpoint's signing secret" });
  await expect(secret.getByLabel("Signing secret", { exact: true })).toHaveText(/^whsec_[\w-]{32}$/);
  await secret.getByRole("button", { name: "Done" }).click();
  const endpoints = page.getByRole("table", { name: "Webhook endpoints" });
  await expect(endpoints).toContainText("https://psa.example.com/keyhouse");
  await expect(endpoints).toContainText("0 delivered, 0 waiting, 0 failed");
  await endpoints.getByRole("button", { name: "Remove https://psa.example.com/keyhouse" }).click();
  await page
    .getByRole("dialog", { name: "Remove this endpoint?" })
    .getByRole("button", { name: "Remove endpoint" })
    .click();
  await expect(page.getByText("No webhook endpoints yet.")).toBeVisible();

  await page.getByRole("link", { name: "Provider API reference" }).click();
  await expect(page.getByRole("heading", { name: "Keyhouse provider API", level: 1 })).toBeVisible();
  const update = page.getByRole("region", { name: "Rename a client or change its seats" });
  await expect(update).toContainText("/api/providers/{providerId}/v1/clients/{clientId}");
  await expect(update).toContainText("403 The key is read-only.");
});
