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

/** Logs in through the login form, as a person would, and waits for the unlocked vault. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Master password").fill(password);
  await page.getByRole("button", { name: "Log in with master password" }).click();
  await expect(page.getByRole("heading", { name: "My vault" })).toBeVisible();
}

export async function register(
  page: Page,
  details: { email: string; name: string; password: string },
  { navigate = true } = {},
): Promise<void> {
  if (navigate) await page.goto("/register");
  await page.getByLabel("Email address").fill(details.email);
  await page.getByLabel("Name").fill(details.name);
  await page.getByLabel("Master password", { exact: true }).fill(details.password);
  await page.getByLabel("Confirm master password").fill(details.password);
  await page.getByRole("button", { name: "Create account" }).click();
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
  return () => page.evaluate((wanted) => (window as unknown as { __seenText: Record<string, boolean> }).__seenText[wanted] === true, text);
}

/** Opens the newest mail to `to` with this subject in /dev/mailbox and follows the link it carries. */
export async function followMailLink(page: Page, { to, subject }: { to: string; subject: string }): Promise<void> {
  await page.goto("/dev/mailbox");
  const row = page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
  await row.getByRole("link", { name: subject }).click();
  const link = page.locator("pre a").first();
  await expect(link).toBeVisible();
  await page.goto((await link.textContent())!.trim());
}

/** Registers, or logs in when an earlier run on the same server already registered this address. */
export async function registerOrLogIn(page: Page, details: { email: string; name: string; password: string }): Promise<void> {
  await register(page, details);
  const vault = page.getByRole("heading", { name: "My vault" });
  const taken = alertWith(page, "An account with this email already exists.");
  await expect(vault.or(taken)).toBeVisible();
  if (await taken.isVisible()) await logIn(page, details.email, details.password);
}

/** Follows an invitation or setup link signed out: the page offers to create an account, which leads back to it. */
export async function registerFromLink(page: Page, person: { email: string; name: string; password: string }, mail: { subject: string }) {
  await followMailLink(page, { to: person.email, subject: mail.subject });
  await page.getByRole("link", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Create account" })).toBeVisible();
  await page.getByLabel("Email address").fill(person.email);
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Master password", { exact: true }).fill(person.password);
  await page.getByLabel("Confirm master password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** An operator (already signed in on `operator`) creates a provider, whose owner sets it up from the mailed link. */
export async function createProviderThroughUi(operator: Page, owner: Page, provider: { name: string; owner: { email: string; name: string; password: string } }) {
  await operator.goto("/admin");
  await operator.getByRole("button", { name: "New provider" }).click();
  const dialog = operator.getByRole("dialog", { name: "New provider" });
  await dialog.getByLabel("Provider name").fill(provider.name);
  await dialog.getByLabel("Owner email").fill(provider.owner.email);
  await dialog.getByRole("button", { name: "Create provider" }).click();
  await expect(dialog).toBeHidden();
  await registerFromLink(owner, provider.owner, { subject: `Set up your provider ${provider.name} on Keyhouse` });
  await expect(owner.getByRole("heading", { name: "Set up your provider" })).toBeVisible();
  await owner.getByRole("button", { name: "Set up provider" }).click();
  await expect(owner.getByRole("heading", { name: "Clients" })).toBeVisible();
}
