import { expect, type Page, test } from "@playwright/test";
import { logIn } from "./helpers";

test.use({ colorScheme: "dark" });

/** How light the page's background is, 0 (black) to 255 (white): the computed colour painted on a canvas. */
async function backgroundLightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = getComputedStyle(document.documentElement).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [red, green, blue] = context.getImageData(0, 0, 1, 1).data;
    return Math.round((red! + green! + blue!) / 3);
  });
}

test("the theme follows the system until Preferences choose one, and the choice stays", async ({ page }) => {
  await logIn(page, "user@client1.example");
  expect(await backgroundLightness(page)).toBeLessThan(64);

  await page.goto("/settings/preferences");
  const theme = page.getByLabel("Theme");
  await expect(theme).toHaveValue("system");
  await theme.selectOption({ label: "Light" });
  await expect.poll(() => backgroundLightness(page)).toBeGreaterThan(192);
  // Rendered light by the server too: no dark flash on the next page.
  await page.reload();
  await expect(page.getByLabel("Theme")).toHaveValue("light");
  expect(await backgroundLightness(page)).toBeGreaterThan(192);

  await page.getByLabel("Theme").selectOption({ label: "System default" });
  await expect.poll(() => backgroundLightness(page)).toBeLessThan(64);
  await page.reload();
  expect(await backgroundLightness(page)).toBeLessThan(64);
});
