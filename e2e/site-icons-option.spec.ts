import { expect, test } from "@playwright/test";
import { logIn, vaultRows } from "./helpers";

/** A 1×1 PNG, answered for every icon so the test needs no internet (the route's own rules have integration tests). */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const PORTAL_ICON = "/icons/portal.client.example/icon.png";

test("website icons stay off until Preferences turn them on, then come from this server", async ({ page, request }) => {
  const asked: string[] = [];
  await page.route("**/icons/**", async (route) => {
    asked.push(new URL(route.request().url()).pathname);
    await route.fulfill({ status: 200, contentType: "image/png", body: PNG });
  });
  await logIn(page, "user@client1.example");
  const portal = vaultRows(page).filter({ hasText: "Client portal" });
  await expect(portal).toBeVisible();
  // Off by default: the letter avatar, and not one request that would tell the server a domain.
  await expect(portal.getByText("P", { exact: true })).toBeVisible();
  expect(asked).toEqual([]);

  await page.getByRole("navigation", { name: "Vault" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Preferences" }).click();
  const showIcons = page.getByRole("switch", { name: "Show website icons" });
  await expect(showIcons).not.toBeChecked();
  await expect(showIcons).toHaveAccessibleDescription(/server fetches the icons, so it learns the websites/);
  await showIcons.focus();
  await page.keyboard.press("Space");
  await expect(showIcons).toBeChecked();
  expect(asked).toEqual([]);

  await page.getByRole("navigation", { name: "Vault" }).getByRole("link", { name: "Vault" }).click();
  await expect(portal.locator(`img[src="${PORTAL_ICON}"]`)).toBeVisible();
  await expect(portal.getByText("P", { exact: true })).toHaveCount(0);
  expect(asked).toContain(PORTAL_ICON);
  // An address is never asked for (the demo's "Office router" is http://192.168.1.1).
  expect(asked.filter((path) => path.includes("192.168.1.1"))).toEqual([]);

  // The route itself (not routed above): signed-in callers only, and never for an address.
  expect((await request.get(PORTAL_ICON)).status()).toBe(401);
  expect((await page.request.get("/icons/127.0.0.1/icon.png")).status()).toBe(404);
});
