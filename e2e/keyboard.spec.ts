import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, vaultItem } from "./helpers";
import { marked } from "./support/plaintext-marker";

/**
 * The demo's story walked with the keyboard alone, once each page is open: Tab, Shift+Tab, Enter, Escape, the arrows
 * and typing. A client member keeps a login in the vault; the provider admin looks after a client from the Provider
 * Portal. Every dialog gives the focus back to what opened it (or, when that is gone, to the list it came from).
 */

const stamp = Date.now().toString(36);
const CLIENT = "My Client's Organization";
// Short: every character is a key press.
const ITEM = marked(`Keys ${stamp}`);
const USERNAME = marked("kim@keys");
const COLLECTION = marked(`Desk ${stamp}`);

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has the focus, as a keyboard user does; fails saying where the
 * focus got to instead.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}) {
  // Found once: each press then only asks whether it has the focus (finding by role takes longer than the press).
  const element = await target.elementHandle({ timeout: 20_000 });
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await element.evaluate((node) => node === document.activeElement)) return;
  }
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "the page itself";
    const name = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 60);
    return `<${element.tagName.toLowerCase()}> "${name}"`;
  });
  throw new Error(
    `${max} presses of ${back ? "Shift+Tab" : "Tab"} did not reach ${target}; the focus is on ${focused}`,
  );
}

const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

/** Logs in through the login form from the keyboard; ends in the unlocked vault. */
async function logInByKeyboard(page: Page, email: string) {
  await page.goto("/login");
  await tabTo(page, page.getByLabel("Email address"));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel("Master password"));
  await page.keyboard.type(DEMO_PASSWORD);
  // Until the page is interactive its submit button stays off (the form would otherwise post the password natively).
  await expect(page.getByRole("button", { name: "Log in with master password" })).toBeEnabled();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "All vaults", level: 1 })).toBeVisible();
}

test("a client member creates, edits, copies from and trashes a login without the mouse", async ({ page }) => {
  await logInByKeyboard(page, "user@client1.example");

  // New item is a menu: Enter opens it on its first type, Login, whose dialog starts at the name.
  const newItem = page.getByRole("button", { name: "New item" });
  await tabTo(page, newItem);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Login", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  const create = page.getByRole("dialog", { name: "New login" });
  await expect(create.getByLabel("Name", { exact: true })).toBeFocused();
  await page.keyboard.type(ITEM);
  await page.keyboard.press("Enter");
  await expect(toast(page, `${ITEM} added.`)).toBeVisible();
  await expect(create).toBeHidden();
  await expect(newItem).toBeFocused();

  // The search finds it; Tab goes on into the list, Enter opens it beside the list.
  const search = page.getByLabel("Search the vault");
  await tabTo(page, search);
  await page.keyboard.type(stamp);
  await tabTo(page, vaultItem(page, ITEM));
  await page.keyboard.press("Enter");
  const details = page.getByRole("complementary", { name: "Item details" });
  await expect(details.getByRole("heading", { name: ITEM, level: 2 })).toBeVisible();

  // Edit: Escape leaves it unchanged; a username saved with Enter, the focus back on Edit.
  const edit = details.getByRole("button", { name: "Edit" });
  await tabTo(page, edit);
  await page.keyboard.press("Enter");
  const editDialog = page.getByRole("dialog", { name: `Edit ${ITEM}` });
  await expect(editDialog.getByLabel("Name", { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(editDialog).toBeHidden();
  await expect(edit).toBeFocused();
  await page.keyboard.press("Enter");
  const username = editDialog.getByLabel("Username");
  await tabTo(page, username);
  await page.keyboard.type(USERNAME);
  await expect(username).toHaveValue(USERNAME);
  await page.keyboard.press("Enter");
  await expect(toast(page, `${ITEM} saved.`)).toBeVisible();
  await expect(editDialog).toBeHidden();
  await expect(details.getByText(USERNAME)).toBeVisible();
  await expect(edit).toBeFocused();

  // Copy the username: a toast says so, and the clipboard holds it.
  await tabTo(page, details.getByRole("button", { name: "Copy username" }));
  await page.keyboard.press("Enter");
  await expect(toast(page, "Username copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(USERNAME);

  // Clone: the copy opens in place of the item it came from, and the focus goes to its panel.
  await tabTo(page, details.getByRole("button", { name: "Clone" }), { back: true });
  await page.keyboard.press("Enter");
  const cloneDialog = page.getByRole("dialog", { name: `Clone ${ITEM}` });
  await expect(cloneDialog.getByLabel("Name", { exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(cloneDialog).toBeHidden();
  const clone = details.getByRole("heading", { name: `${ITEM} - Clone`, level: 2 });
  await expect(clone).toBeFocused();

  // Delete asks first, with Cancel focused: Escape keeps the clone; Tab then Enter sends it to the trash.
  const remove = details.getByRole("button", { name: "Delete" });
  await tabTo(page, remove);
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: `Send ${ITEM} - Clone to the trash?` });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(remove).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(confirm.getByRole("button", { name: "Send to trash" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toast(page, "Item sent to the trash.")).toBeVisible();
  await expect(confirm).toBeHidden();
  // The clone and its panel are gone: the focus goes back to the list, here the search that found it.
  await expect(details).toBeHidden();
  await expect(vaultItem(page, `${ITEM} - Clone`)).toHaveCount(0);
  await expect(vaultItem(page, ITEM)).toBeVisible();
  await expect(search).toBeFocused();
});

test("the provider admin opens a client's console, invites and adds a collection, then logs out", async ({ page }) => {
  await logInByKeyboard(page, "admin@demo-msp.example");

  // The product switcher leads to the Provider Portal's clients.
  await tabTo(page, page.getByRole("button", { name: /^Switch product/ }));
  await page.keyboard.press("Enter");
  await tabTo(
    page,
    page.getByRole("navigation", { name: "Products" }).getByRole("link", { name: "Demo MSP", exact: true }),
  );
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();

  // Add → New client opens its dialog at the name; Escape closes it (nothing is created) and Add has the focus again.
  const add = page.getByRole("button", { name: "Add" });
  await tabTo(page, add);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "New client" })).toBeFocused();
  await page.keyboard.press("Enter");
  const newClient = page.getByRole("dialog", { name: "New client" });
  await expect(newClient.getByLabel("Organization name")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(newClient).toBeHidden();
  await expect(add).toBeFocused();

  // The client's name in the table opens its Admin Console.
  await tabTo(page, page.getByRole("table", { name: /^Clients of/ }).getByRole("link", { name: CLIENT }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: CLIENT, level: 1 })).toBeVisible();
  const consoleNav = page.getByRole("navigation", { name: "Admin Console" });

  await tabTo(page, consoleNav.getByRole("link", { name: "Members" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  const invite = page.getByRole("button", { name: "Invite member" });
  await tabTo(page, invite);
  await page.keyboard.press("Enter");
  const inviteDialog = page.getByRole("dialog", { name: "Invite members" });
  await expect(inviteDialog.getByLabel("Email addresses")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(inviteDialog).toBeHidden();
  await expect(invite).toBeFocused();

  // A new collection, named and saved with Enter.
  await tabTo(page, consoleNav.getByRole("link", { name: "Collections" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Collections", level: 1 })).toBeVisible();
  const newCollection = page.getByRole("button", { name: "New collection" });
  await tabTo(page, newCollection);
  await page.keyboard.press("Enter");
  const collectionDialog = page.getByRole("dialog", { name: "New collection" });
  await expect(collectionDialog.getByLabel("Name", { exact: true })).toBeFocused();
  await page.keyboard.type(COLLECTION);
  await page.keyboard.press("Enter");
  await expect(toast(page, "The collection was created.")).toBeVisible();
  await expect(collectionDialog).toBeHidden();
  await expect(
    page.getByRole("table", { name: "Collections" }).getByRole("rowheader", { name: COLLECTION }),
  ).toBeVisible();
  await expect(newCollection).toBeFocused();

  // Just before the page, in the header: the account menu. It opens on Account settings; Log out is two down.
  await tabTo(page, page.getByRole("button", { name: "Account menu" }), { back: true });
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Account menu" });
  await expect(menu.getByRole("menuitem", { name: "Account settings" })).toBeFocused();
  // One key at a time, as a person watches the highlight move: a key pressed while the menu still settles can be lost.
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Lock" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Log out" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
});
