import { expect, type Locator, type Page, test } from "@playwright/test";
import { logIn, vaultRows } from "./helpers";

/**
 * Preferences, as one person uses them in one sitting: the theme (the system's until chosen, rendered by the server)
 * and website icons (off until turned on, then fetched from this server only).
 */
test.use({ colorScheme: "dark" });

/** How light an element's background is, 0 (black) to 255 (white): its computed colour painted on a canvas. */
async function lightness(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = getComputedStyle(node).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [red, green, blue] = context.getImageData(0, 0, 1, 1).data;
    return Math.round((red! + green! + blue!) / 3);
  });
}
const pageLightness = (page: Page) => lightness(page.locator("html"));
/** The left navigation's column (the aside that holds the product's navigation). */
const navColumn = (page: Page) =>
  page.locator("aside").filter({ has: page.getByRole("navigation", { name: "Vault" }) });

/** A 1×1 PNG, answered for every icon so the test needs no internet (the route's own rules have integration tests). */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const PORTAL_ICON = "/icons/portal.client.example/icon.png";

test("the theme follows the system until chosen, and website icons stay off until turned on", async ({
  page,
  request,
}) => {
  const asked: string[] = [];
  await page.route("**/icons/**", async (route) => {
    asked.push(new URL(route.request().url()).pathname);
    await route.fulfill({ status: 200, contentType: "image/png", body: PNG });
  });
  await logIn(page, "user@client1.example");
  expect(await pageLightness(page)).toBeLessThan(64);
  // The navigation keeps its dark ground in the dark theme too.
  expect(await lightness(navColumn(page))).toBeLessThan(64);
  const portal = vaultRows(page).filter({ hasText: "Client portal" });
  await expect(portal).toBeVisible();
  // Icons are off by default: the letter avatar, and not one request that would tell the server a domain.
  await expect(portal.getByText("P", { exact: true })).toBeVisible();
  expect(asked).toEqual([]);

  await test.step("the theme", async () => {
    await page.getByRole("navigation", { name: "Vault" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Preferences" }).click();
    const theme = page.getByLabel("Theme");
    await expect(theme).toHaveValue("system");
    await theme.selectOption({ label: "Light" });
    await expect.poll(() => pageLightness(page)).toBeGreaterThan(192);
    // Rendered light by the server too: no dark flash on the next page.
    await page.reload();
    await expect(page.getByLabel("Theme")).toHaveValue("light");
    expect(await pageLightness(page)).toBeGreaterThan(192);
    expect(await lightness(navColumn(page))).toBeLessThan(128);

    await page.getByLabel("Theme").selectOption({ label: "System default" });
    await expect.poll(() => pageLightness(page)).toBeLessThan(64);
    await page.reload();
    expect(await pageLightness(page)).toBeLessThan(64);
  });

  await test.step("website icons", async () => {
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
  });

  // The route itself (not routed above): signed-in callers only, and never for an address.
  expect((await request.get(PORTAL_ICON)).status()).toBe(401);
  expect((await page.request.get("/icons/127.0.0.1/icon.png")).status()).toBe(404);
});
