import { type Browser, type BrowserContextOptions, expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "keyhouse-demo";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example`;
}

/** A page in a fresh browser context: a second person, with cookies and storage of their own. */
export async function newPage(browser: Browser, options?: BrowserContextOptions): Promise<Page> {
  return (await browser.newContext(options)).newPage();
}

/** `text` as a regular expression matching itself literally (names picked by pattern may hold `.`, `(` or `?`). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The vault's table of items. */
export function vaultTable(page: Page): Locator {
  return page.getByRole("table", { name: "Items" });
}

/** The vault's item rows (the header row has column headers, not cells). */
export function vaultRows(page: Page): Locator {
  return vaultTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
}

/** An item's name in the vault's table: the button that opens it (names may carry a "(favorite)" mark). */
export function vaultItem(page: Page, name: string): Locator {
  return vaultTable(page).getByRole("button", { name: new RegExp(`^${escapeRegExp(name)}`) });
}

/** Logs in through the login form, as a person would, and waits for the unlocked vault. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Master password").fill(password);
  await page.getByRole("button", { name: "Log in with master password" }).click();
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
}

/** Opens the account menu at the top right of every signed-in page. */
export async function openAccountMenu(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Account menu" }).click();
  return page.getByRole("menu", { name: "Account menu" });
}

/** Logs out from the account menu, as a person does; ends on the login page. */
export async function logOut(page: Page): Promise<void> {
  await (await openAccountMenu(page)).getByRole("menuitem", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Locks the vault from the account menu; ends on the unlock screen. */
export async function lockVault(page: Page): Promise<void> {
  await (await openAccountMenu(page)).getByRole("menuitem", { name: "Lock" }).click();
  await expect(page.getByRole("heading", { name: "Your vault is locked" })).toBeVisible();
}

export const FINISH_REGISTRATION_SUBJECT = "Finish creating your Keyhouse account";
export const ACCOUNT_EXISTS_SUBJECT = "You already have a Keyhouse account";

type Person = { email: string; name: string; password: string };

/** Step one on /register: the address and a name; the page answers "Check your inbox" whoever asks. */
export async function startRegistration(
  page: Page,
  person: { email: string; name: string },
  { navigate = true } = {},
): Promise<void> {
  if (navigate) await page.goto("/register");
  await page.getByLabel("Email address").fill(person.email);
  await page.getByLabel("Name").fill(person.name);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
}

/** Step two, on the page a link led to (the mailed one, or an invitation's): name and master password. */
export async function finishRegistration(page: Page, person: { name: string; password: string }): Promise<void> {
  await expect(page.getByRole("heading", { name: "Create account" })).toBeVisible();
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Master password", { exact: true }).fill(person.password);
  await page.getByLabel("Confirm master password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Registers as a person does: address and name, the link in the mail, the master password. Ends in the vault. */
export async function register(page: Page, person: Person): Promise<void> {
  await startRegistration(page, person);
  await followMailLink(page, { to: person.email, subject: FINISH_REGISTRATION_SUBJECT });
  await finishRegistration(page, person);
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
}

/** An alert with this text (Next.js's route announcer is an empty alert too, so alerts are picked by text). */
export function alertWith(page: Page, text: string): Locator {
  return page.getByRole("alert").filter({ hasText: text });
}

/**
 * Records whether `text` appears anywhere on the page from now on, however briefly (key derivation can finish
 * between two polls of a locator). The page must stay loaded: client-side navigations are fine.
 */
export async function watchForText(page: Page, text: string): Promise<() => Promise<boolean>> {
  await page.evaluate((wanted) => {
    const state = window as unknown as { __seenText?: Record<string, boolean> };
    state.__seenText = { ...state.__seenText, [wanted]: false };
    const observer = new MutationObserver(() => {
      if (document.body.textContent?.includes(wanted)) {
        state.__seenText![wanted] = true;
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
  return () =>
    page.evaluate(
      (wanted) => (window as unknown as { __seenText: Record<string, boolean> }).__seenText[wanted] === true,
      text,
    );
}

/** Opens the newest mail to `to` with this subject in /dev/mailbox and follows the link it carries. */
export async function followMailLink(page: Page, { to, subject }: { to: string; subject: string }): Promise<void> {
  await page.goto("/dev/mailbox");
  await openMailRow(page, page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first());
}

/** Opens a mailbox row's mail and follows the first link of its text body. */
async function openMailRow(page: Page, row: Locator): Promise<void> {
  await row.getByRole("link").click();
  const link = page.locator("pre a").first();
  await expect(link).toBeVisible();
  await page.goto((await link.textContent())!.trim());
}

/**
 * Registers, or logs in when an earlier run on the same server already registered this address: the page answers
 * the same either way, and the mail it sends says which.
 */
export async function registerOrLogIn(page: Page, person: Person): Promise<void> {
  await startRegistration(page, person);
  await page.goto("/dev/mailbox");
  const newest = page.getByRole("row").filter({ hasText: person.email }).first();
  await expect(newest).toBeVisible();
  if ((await newest.getByRole("link", { name: ACCOUNT_EXISTS_SUBJECT }).count()) > 0)
    return logIn(page, person.email, person.password);
  await expect(newest.getByRole("link", { name: FINISH_REGISTRATION_SUBJECT })).toBeVisible();
  await openMailRow(page, newest);
  await finishRegistration(page, person);
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
}

/**
 * Follows an invitation or setup link signed out and creates the account from there: the link proved the address,
 * so no registration mail is needed, and the page leads back to the link.
 */
export async function registerFromLink(page: Page, person: Person, mail: { subject: string }) {
  await followMailLink(page, { to: person.email, subject: mail.subject });
  await page.getByRole("link", { name: "Create account" }).click();
  await expect(page.getByLabel("Email address")).toHaveValue(person.email);
  await finishRegistration(page, person);
}

/** Saves a new secure note with only a name, from the vault's New item menu; the dialog has closed when it returns. */
export async function saveSecureNote(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: "New item" }).click();
  await page.getByRole("menuitem", { name: "Secure note", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^New secure note/ });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
}
