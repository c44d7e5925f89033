import { expect, test } from "@playwright/test";
import { logIn, uniqueEmail } from "./helpers";
import { CONFIRM } from "./support/baseline-tenants";

/**
 * A provider admin makes an API key for their PSA (shown once, with a copy button), sees it listed with its access,
 * and revokes it after a confirmation. Lantern IT is the dashboard spec's provider too: the client the second test
 * asks for has an invited owner only, which none of that spec's figures counts.
 */
test("an admin makes a read-only API key, sees it once, a write with it is refused, and it is revoked", async ({
  page,
}) => {
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
  const key = (await shown.getByLabel("API key", { exact: true }).textContent())!;
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();

  // Over real HTTP, as a PSA calls it: a read-only key is refused a change.
  const providerId = /\/providers\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  const clients = () =>
    page.request.get(`/api/providers/${providerId}/v1/clients`, { headers: { authorization: `Bearer ${key}` } });
  const refused = await page.request.post(`/api/providers/${providerId}/v1/clients`, {
    headers: { authorization: `Bearer ${key}` },
    data: { name: "Nope", ownerEmail: "nope@example.com", planType: "teams_monthly", seats: 1 },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: { code: "read_only", message: "This API key is read-only." } });
  expect((await clients()).status()).toBe(200);
  await page.reload();

  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "HaloPSA" }) });
  await expect(row).toContainText("Read-only");
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: "Revoke HaloPSA" }).click();
  await page.getByRole("dialog", { name: "Revoke HaloPSA?" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "HaloPSA is revoked." })).toBeVisible();
  await expect(row).toContainText("Revoked");
  expect((await clients()).status()).toBe(401);
});

/**
 * A PSA with a read and write key asks for a new client over HTTP; it waits on the Clients page until the admin's
 * browser sets it up (making its keys), and the PSA then reads it as created. Webhook endpoints and the API's
 * reference are on the API keys page.
 */
test("a client asked for through the API is set up in the portal; webhooks and the reference", async ({ page }) => {
  test.setTimeout(120_000);
  const { provider } = CONFIRM;
  const clientName = `API Clinic ${Date.now().toString(36)}`;
  await logIn(page, provider.admin.email, provider.admin.password);
  await page.goto("/providers");
  await page.getByRole("link", { name: provider.name }).click();
  const portal = page.getByRole("navigation", { name: "Provider Portal" });
  await portal.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  const providerId = /\/providers\/([0-9a-f-]{36})\//.exec(page.url())![1]!;

  await page.getByRole("button", { name: "New API key" }).click();
  const create = page.getByRole("dialog", { name: "New API key" });
  await create.getByLabel("Name").fill("Autotask");
  await create.getByRole("radio", { name: /^Read and write/ }).check();
  await create.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByRole("dialog", { name: "Your new API key" });
  const key = (await shown.getByLabel("API key", { exact: true }).textContent())!;
  await shown.getByRole("button", { name: "Done" }).click();

  const headers = { authorization: `Bearer ${key}` };
  const asked = await page.request.post(`/api/providers/${providerId}/v1/clients`, {
    headers,
    data: { name: clientName, ownerEmail: uniqueEmail("api-clinic"), planType: "teams_monthly", seats: 3 },
  });
  expect(asked.status()).toBe(202);
  const pending = (await asked.json()) as { id: string; status: string };
  expect(pending.status).toBe("awaiting_setup");

  await portal.getByRole("link", { name: "Clients" }).click();
  const waiting = page.getByRole("table", { name: "Clients asked for through the API" });
  const row = waiting.getByRole("row").filter({ has: page.getByRole("rowheader", { name: clientName }) });
  await expect(row).toContainText("Teams, 3 seats");
  await expect(row).toContainText("by key Autotask");
  await row.getByRole("button", { name: `Set up ${clientName}` }).click();
  const setUp = page.getByRole("dialog", { name: `Set up ${clientName}` });
  await expect(setUp.getByLabel("Organization name")).toHaveValue(clientName);
  await expect(setUp.getByLabel("Seats")).toHaveValue("3");
  await setUp.getByRole("button", { name: "Create client" }).click();
  await expect(setUp).toBeHidden();
  await expect(page.getByRole("rowheader", { name: new RegExp(clientName) })).toBeVisible();
  await expect(page.getByRole("table", { name: "Clients asked for through the API" })).toBeHidden();

  const read = await page.request.get(`/api/providers/${providerId}/v1/pending-clients/${pending.id}`, { headers });
  expect(await read.json()).toMatchObject({ status: "created", clientId: expect.any(String) });

  await portal.getByRole("link", { name: "API keys" }).click();
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
