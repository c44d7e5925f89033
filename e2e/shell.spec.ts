import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, logIn } from "./helpers";

/**
 * The frame around every signed-in page: the product switcher, the account menu and dialogs used from the keyboard
 * alone (focus goes back to what opened them), and on a phone-sized screen the navigation drawer and pages that
 * never scroll sideways.
 */

const ORGANIZATION = "My Client's Organization";

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test("the product switcher, a dialog, a menu's dialog and the account menu work from the keyboard", async ({
  page,
}) => {
  await logIn(page, "owner@client1.example");

  // The product switcher: a grid of links; Enter on one opens that product.
  const switcher = page.getByRole("button", { name: "Switch product, current: Vault" });
  await tabTo(page, switcher);
  await page.keyboard.press("Enter");
  const products = page.getByRole("navigation", { name: "Products" });
  await expect(products).toBeVisible();
  await tabTo(page, products.getByRole("link", { name: ORGANIZATION }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: ORGANIZATION, level: 1 })).toBeVisible();
  await expect(products).toBeHidden();

  await tabTo(page, page.getByRole("navigation", { name: "Admin Console" }).getByRole("link", { name: "Collections" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Collections", level: 1 })).toBeVisible();

  // A dialog opened with Enter closes with Escape and gives the focus back to its button.
  const newCollection = page.getByRole("button", { name: "New collection" });
  await tabTo(page, newCollection);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New collection" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Name", { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(newCollection).toBeFocused();

  // The same through a menu: the dialog its item opens returns the focus to the menu's button.
  const options = page.getByRole("button", { name: "Options for Default collection" });
  await tabTo(page, options);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Show items" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("Enter");
  const editDialog = page.getByRole("dialog", { name: /^Edit / });
  await expect(editDialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(editDialog).toBeHidden();
  await expect(options).toBeFocused();

  // The account menu: Enter opens it on its first item, Arrow Down moves to Lock, Enter locks.
  const account = page.getByRole("button", { name: "Account menu" });
  await tabTo(page, account);
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Account menu" });
  await expect(menu.getByText("owner@client1.example")).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Account settings" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Lock" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your vault is locked" })).toBeVisible();

  // Unlocking returns to the page that was open.
  await page.getByLabel("Master password").fill(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Collections", level: 1 })).toBeVisible();
});

test.describe("on a phone-sized screen", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  /** The page is no wider than the screen (wide tables scroll inside their own box), and the header is one line. */
  async function expectFits(page: Page) {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide`).toBeLessThanOrEqual(innerWidth);
    expect((await page.locator("header").boundingBox())?.height).toBeLessThanOrEqual(57);
  }

  test("the navigation is a drawer, and the vault, the clients and a console page fit the screen", async ({ page }) => {
    await logIn(page, "admin@demo-msp.example");
    await expectFits(page);

    // The navigation waits behind its button; a link followed closes the drawer.
    await expect(page.getByRole("navigation", { name: "Vault", exact: true })).toBeHidden();
    await page.getByRole("button", { name: "Open navigation" }).click();
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expect(drawer).toBeVisible();
    await drawer
      .getByRole("navigation", { name: "Vault", exact: true })
      .getByRole("link", { name: "Generator" })
      .click();
    await expect(page).toHaveURL(/\/generator$/);
    await expect(drawer).toBeHidden();
    await expectFits(page);

    // Escape closes it too, and the focus goes back to its button.
    const opener = page.getByRole("button", { name: "Open navigation" });
    await opener.click();
    await expect(drawer).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(opener).toBeFocused();

    await page.getByRole("button", { name: /^Switch product/ }).click();
    await page
      .getByRole("navigation", { name: "Products" })
      .getByRole("link", { name: "Demo MSP", exact: true })
      .click();
    await expect(page.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();
    await expectFits(page);

    await page.getByRole("link", { name: ORGANIZATION }).click();
    await expect(page.getByRole("heading", { name: ORGANIZATION, level: 1 })).toBeVisible();
    await expectFits(page);
    await page.getByRole("button", { name: "Open navigation" }).click();
    await drawer.getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    await expectFits(page);
  });
});
