import { expect, type Page, test } from "@playwright/test";
import { logIn, newPage, saveSecureNote, vaultItem, vaultRows, vaultTable } from "./helpers";
import { marked } from "./support/plaintext-marker";
import { OWN_ACCOUNTS } from "./support/seeded-people";

/**
 * Issue 14's vault list, as Bitwarden's users know it: the heading names the filter, "All vaults" says whose each
 * item is, the opened item closes when the filter leaves it out, every save says so, and checked rows are moved,
 * deleted, restored and deleted for good together.
 */
const stamp = Date.now().toString(36);
const filters = (page: Page) => page.getByRole("navigation", { name: "Vault filters" });
const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });
const details = (page: Page) => page.getByRole("complementary", { name: "Item details" });
const bulk = (page: Page) => page.getByRole("group", { name: "Selected items" });

/** Picks one of the bulk actions from the selection's Actions menu. */
async function bulkAction(page: Page, action: string) {
  await bulk(page)
    .getByRole("button", { name: /^Actions/ })
    .click();
  await page.getByRole("menuitem", { name: action, exact: true }).click();
}

async function newNote(page: Page, name: string) {
  await saveSecureNote(page, name);
  await expect(toast(page, `${name} added.`)).toBeVisible();
}

test("a member's All vaults view tells shared items from personal ones", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "user@client1.example");
  await expect(heading(page)).toHaveText("All vaults");
  await expect(vaultTable(page).getByRole("columnheader", { name: "Owner" })).toBeVisible();
  const shared = vaultRows(page).filter({ hasText: "My Client's Organization" });
  await expect(shared.first()).toBeVisible();
  const sharedName = (await shared.first().getByRole("button").textContent())!;

  const note = marked(`Personal note ${stamp}`);
  await newNote(page, note);
  const personal = vaultRows(page).filter({ hasText: note });
  await expect(personal.getByRole("cell").last()).toHaveText("Me");
  // The organization's items say whose they are in the same column.
  await expect(shared.first().getByRole("cell").last()).toHaveText("My Client's Organization");

  // "My vault" lists only the member's own items, under its own heading, with no Owner column.
  await filters(page).getByRole("button", { name: "My vault" }).click();
  await expect(heading(page)).toHaveText("My vault");
  await expect(vaultTable(page).getByRole("columnheader", { name: "Owner" })).toHaveCount(0);
  await expect(vaultItem(page, note)).toBeVisible();
  await expect(vaultItem(page, sharedName)).toHaveCount(0);
  await filters(page).getByRole("button", { name: "My Client's Organization" }).click();
  await expect(vaultItem(page, sharedName)).toBeVisible();
  await expect(heading(page)).toHaveText("My Client's Organization");
  await expect(vaultItem(page, note)).toHaveCount(0);

  // The demo stays as it was: the note goes, through the trash.
  await filters(page).getByRole("button", { name: "My vault" }).click();
  await vaultRows(page)
    .getByRole("checkbox", { name: `Select ${note}` })
    .check();
  await bulkAction(page, "Delete selected");
  await page
    .getByRole("dialog", { name: "Send 1 item to the trash?" })
    .getByRole("button", { name: "Send to trash" })
    .click();
  await expect(toast(page, "1 item sent to the trash.")).toBeVisible();
  await filters(page).getByRole("button", { name: "Trash" }).click();
  await vaultRows(page)
    .getByRole("checkbox", { name: `Select ${note}` })
    .check();
  await bulkAction(page, "Delete selected for good");
  await page
    .getByRole("dialog", { name: "Delete 1 item for good?" })
    .getByRole("button", { name: "Delete for good" })
    .click();
  await expect(toast(page, "1 item deleted for good.")).toBeVisible();
});

test("checked items move to a folder, go to the trash, come back and are deleted for good together", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await newPage(browser);
  const person = OWN_ACCOUNTS.bulkChanges;
  await logIn(page, person.email, person.password);
  await expect(heading(page)).toHaveText("All vaults");
  const folder = marked(`Projects ${stamp}`);
  await filters(page).getByRole("button", { name: "New folder" }).click();
  const folderDialog = page.getByRole("dialog", { name: "New folder" });
  await folderDialog.getByLabel("Folder name").fill(folder);
  await folderDialog.getByRole("button", { name: "Save" }).click();
  await expect(toast(page, "Folder created.")).toBeVisible();
  const notes = ["Alpha", "Bravo", "Charlie"].map((name) => marked(`${name} ${stamp}`));
  for (const note of notes) await newNote(page, note);
  await expect(vaultRows(page)).toHaveCount(3);
  // The list is as tall as its rows, so the count under it is in view.
  await expect(page.getByText("3 items", { exact: true })).toBeInViewport();

  // Arrow keys move between names; Escape closes an opened item and the focus is back on its name.
  await vaultItem(page, notes[0]!).focus();
  await page.keyboard.press("ArrowDown");
  await expect(vaultItem(page, notes[1]!)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(details(page).getByRole("heading", { name: notes[1]!, level: 2 })).toBeVisible();
  await details(page).getByRole("button", { name: "Edit" }).focus();
  await page.keyboard.press("Escape");
  await expect(details(page)).toHaveCount(0);
  await expect(vaultItem(page, notes[1]!)).toBeFocused();

  // An opened item closes when the filter leaves it out.
  await vaultItem(page, notes[0]!).click();
  await expect(details(page).getByRole("heading", { name: notes[0]!, level: 2 })).toBeVisible();
  await filters(page).getByRole("button", { name: "Card", exact: true }).click();
  await expect(heading(page)).toHaveText("Card");
  await expect(details(page)).toHaveCount(0);
  await filters(page).getByRole("button", { name: "All items" }).click();
  await expect(details(page)).toHaveCount(0);

  // Select all: the three move into the folder together.
  await vaultTable(page)
    .getByRole("checkbox", { name: /^Select all/ })
    .check();
  await expect(bulk(page)).toContainText("3 items selected");
  await bulkAction(page, "Move to folder");
  const move = page.getByRole("dialog", { name: "Move 3 items to a folder" });
  await move.getByLabel("Folder").selectOption({ label: folder });
  await move.getByRole("button", { name: "Move" }).click();
  await expect(toast(page, `3 items moved to ${folder}.`)).toBeVisible();
  await expect(bulk(page)).toHaveCount(0);
  // The bar leaves with the selection; the focus goes back to the list, not to the page's body.
  await expect(vaultTable(page).getByRole("checkbox", { name: /^Select all/ })).toBeFocused();
  await filters(page).getByRole("button", { name: folder, exact: true }).click();
  await expect(heading(page)).toHaveText(folder);
  await expect(vaultRows(page)).toHaveCount(3);

  // Two of them go to the trash after a confirmation, and come back.
  for (const note of notes.slice(0, 2)) await page.getByRole("checkbox", { name: `Select ${note}` }).check();
  await bulkAction(page, "Delete selected");
  const confirm = page.getByRole("dialog", { name: "Send 2 items to the trash?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(vaultRows(page)).toHaveCount(3);
  await bulkAction(page, "Delete selected");
  await confirm.getByRole("button", { name: "Send to trash" }).click();
  await expect(toast(page, "2 items sent to the trash.")).toBeVisible();
  await expect(vaultRows(page)).toHaveCount(1);
  await filters(page).getByRole("button", { name: "Trash" }).click();
  await expect(heading(page)).toHaveText("Trash");
  await expect(vaultRows(page)).toHaveCount(2);
  await vaultTable(page)
    .getByRole("checkbox", { name: /^Select all/ })
    .check();
  await bulkAction(page, "Restore selected");
  await expect(toast(page, "2 items restored.")).toBeVisible();
  await expect(page.getByText("The trash is empty.")).toBeVisible();

  // All three to the trash, then deleted for good.
  await filters(page).getByRole("button", { name: "All items" }).click();
  await expect(vaultRows(page)).toHaveCount(3);
  await vaultTable(page)
    .getByRole("checkbox", { name: /^Select all/ })
    .check();
  await bulkAction(page, "Delete selected");
  await page
    .getByRole("dialog", { name: "Send 3 items to the trash?" })
    .getByRole("button", { name: "Send to trash" })
    .click();
  await expect(toast(page, "3 items sent to the trash.")).toBeVisible();
  await filters(page).getByRole("button", { name: "Trash" }).click();
  await vaultTable(page)
    .getByRole("checkbox", { name: /^Select all/ })
    .check();
  await bulkAction(page, "Delete selected for good");
  await page
    .getByRole("dialog", { name: "Delete 3 items for good?" })
    .getByRole("button", { name: "Delete for good" })
    .click();
  await expect(toast(page, "3 items deleted for good.")).toBeVisible();
  await expect(page.getByText("The trash is empty.")).toBeVisible();
});

test("at 390 px wide the vault fits: no sideways scroll in it, the list and the item stack", async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await logIn(page, "user@client1.example");
  const items = page.getByRole("region", { name: "Vault items" });
  await expect(vaultRows(page).first()).toBeVisible();
  const box = (await items.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await items.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  // The filters fold away behind one button, which says what is shown.
  await expect(filters(page)).toBeHidden();
  await page.getByRole("button", { name: /^Filters/ }).click();
  await filters(page).getByRole("button", { name: "Favorites" }).click();
  await expect(filters(page)).toBeHidden();
  await expect(heading(page)).toHaveText("Favorites");
  await page.getByRole("button", { name: /^Filters/ }).click();
  await filters(page).getByRole("button", { name: "All items" }).click();
  // An opened item covers the list, and closes back to it.
  await vaultRows(page).first().getByRole("button").click();
  const panel = details(page);
  await expect(panel).toBeInViewport();
  await panel.getByRole("button", { name: "Close item" }).click();
  await expect(panel).toHaveCount(0);
});
