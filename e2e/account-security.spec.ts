import { expect, type Page, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { alertWith, lockVault, logIn, logOut, newPage, saveSecureNote, uniqueEmail, vaultItem } from "./helpers";
import { marked } from "./support/plaintext-marker";
import { OWN_ACCOUNTS } from "./support/seeded-people";

/**
 * Account security as a person uses it: a new master password ends the other sessions and opens the vault, two-step
 * login with an authenticator app (codes computed here from the key the page shows) and its recovery code, the
 * vault timeout with the page's clock run forward, and deleting the account.
 */

/** Settings from the vault's tabs, then a section from the settings menu. */
async function openSettings(page: Page, section: "My account" | "Security" | "Preferences") {
  await page.getByRole("navigation", { name: "Vault" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: section }).click();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: section })).toHaveAttribute(
    "aria-current",
    "page",
  );
}

async function backToVault(page: Page) {
  await page.getByRole("navigation", { name: "Vault" }).getByRole("link", { name: "Vault" }).click();
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
}

async function newSecureNote(page: Page, name: string) {
  await saveSecureNote(page, name);
  await expect(vaultItem(page, name)).toBeVisible();
}

/** The login form up to the point where the server answers (the vault, the two-step screen or an error). */
async function submitLogin(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Master password").fill(password);
  await page.getByRole("button", { name: "Log in with master password" }).click();
}

/** What an authenticator app holding `key` shows at `now` (RFC 6238: SHA-1, 6 digits, 30 s), computed independently of the app. */
function authenticatorCode(key: string, now = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(key), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: now,
  });
}

/** A six-digit code that the server cannot accept for `key` now: none of the codes two steps either side of now. */
function wrongCodeFor(key: string): string {
  const now = Date.now();
  const near = new Set([-2, -1, 0, 1, 2].map((step) => authenticatorCode(key, now + step * 30_000)));
  for (let candidate = 0; ; candidate += 111_111) {
    const code = String(candidate % 1_000_000).padStart(6, "0");
    if (!near.has(code)) return code;
  }
}

/** The Security page's notice of whether two-step login is on (its toasts say "Two-step login is on." too, so by its text). */
function twoStepLoginState(page: Page, state: "on" | "off") {
  const detail = state === "on" ? "Authenticator app, turned on" : "Anyone who learns your master password can log in.";
  return page
    .getByRole("status")
    .filter({ hasText: `Two-step login is ${state}` })
    .filter({ hasText: detail });
}

const AUTHENTICATOR_KEY = /^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/;
const RECOVERY_CODE = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$/;

test("a master password change ends another session, and unlock works with the new password", async ({ browser }) => {
  test.setTimeout(180_000);
  const morgan = OWN_ACCOUNTS.passwordChange;
  const newPassword = "morgan's brand new master password";
  const note = marked(`Morgan's note ${Date.now().toString(36)}`);

  const first = await newPage(browser);
  await logIn(first, morgan.email, morgan.password);
  await newSecureNote(first, note);
  const second = await newPage(browser);
  await logIn(second, morgan.email, morgan.password);

  await openSettings(first, "Security");
  await first.getByLabel("Current master password").fill(morgan.password);
  await first.getByLabel("New master password", { exact: true }).fill(newPassword);
  await first.getByLabel("Confirm new master password").fill(newPassword);
  await first.getByRole("button", { name: "Change master password" }).click();
  await expect(
    first
      .getByRole("status")
      .filter({ hasText: "Your master password was changed. Your other sessions were logged out." }),
  ).toBeVisible();

  // The other browser's session ended with the change: the next request lands on the login page.
  await second.reload();
  await expect(second).toHaveURL(/\/login/);
  await expect(second.getByRole("heading", { name: "Log in" })).toBeVisible();

  // This browser was logged in again: locking asks for the new password, and the old one no longer opens the vault.
  await backToVault(first);
  await lockVault(first);
  await first.getByLabel("Master password").fill(morgan.password);
  await first.getByRole("button", { name: "Unlock" }).click();
  await expect(alertWith(first, "Invalid master password.")).toBeVisible();
  await expect(first.getByRole("heading", { name: "Your vault is locked" })).toBeVisible();
  await first.getByLabel("Master password").fill(newPassword);
  await first.getByRole("button", { name: "Unlock" }).click();
  await expect(first.getByRole("heading", { name: "All vaults" })).toBeVisible();
  // The same user key, re-wrapped: the item made before the change still decrypts.
  await expect(vaultItem(first, note)).toBeVisible();

  await logOut(first);
  await submitLogin(first, morgan.email, morgan.password);
  await expect(alertWith(first, "Invalid email or master password.")).toBeVisible();
  await logIn(first, morgan.email, newPassword);
  await expect(vaultItem(first, note)).toBeVisible();
});

test("with two-step login on, login asks for a code and refuses a wrong one", async ({ browser }) => {
  test.setTimeout(180_000);
  const tess = OWN_ACCOUNTS.twoStep;
  const page = await newPage(browser);
  await logIn(page, tess.email, tess.password);

  await openSettings(page, "Security");
  await expect(twoStepLoginState(page, "off")).toBeVisible();
  await page.getByRole("button", { name: "Turn on two-step login" }).click();
  const dialog = page.getByRole("dialog", { name: "Turn on two-step login" });
  await dialog.getByLabel("Master password").fill(tess.password);
  await dialog.getByRole("button", { name: "Continue" }).click();

  // The key for the authenticator app: a QR code, and the same key as text to type in.
  await expect(dialog.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const shownKey = dialog.getByText(AUTHENTICATOR_KEY);
  await expect(shownKey).toBeVisible();
  const key = (await shownKey.textContent())!.replace(/\s+/g, "");
  expect(key).toHaveLength(32);
  await expect(dialog.getByText(tess.email)).toBeVisible();

  // A wrong first code does not turn it on; the app's current code does, and the recovery code is shown once.
  await dialog.getByLabel("Verification code").fill(wrongCodeFor(key));
  await dialog.getByRole("button", { name: "Turn on" }).click();
  await expect(
    dialog.getByText("That code is not the current one. Check the time on your phone and try the newest code."),
  ).toBeVisible();
  await dialog.getByLabel("Verification code").fill(authenticatorCode(key));
  await dialog.getByRole("button", { name: "Turn on" }).click();
  await expect(dialog.getByText("From now on, logging in asks for a code from your authenticator app.")).toBeVisible();
  const shownRecoveryCode = dialog.getByText(RECOVERY_CODE);
  await expect(shownRecoveryCode).toBeVisible();
  const recoveryCode = (await shownRecoveryCode.textContent())!.trim();
  await dialog.getByRole("button", { name: "I saved my recovery code" }).click();
  await expect(dialog).toBeHidden();
  await expect(twoStepLoginState(page, "on")).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn off two-step login" })).toBeVisible();

  // The master password alone no longer logs in: the second step asks for a code.
  await logOut(page);
  await submitLogin(page, tess.email, tess.password);
  await expect(page.getByRole("heading", { name: "Two-step login" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeHidden();
  await page.getByLabel("Verification code").fill(wrongCodeFor(key));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(
    alertWith(page, "That code is not valid. Enter the newest code from your authenticator app."),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Two-step login" })).toBeVisible();
  // No session came of the wrong code.
  expect((await page.request.get("/vault", { maxRedirects: 0 })).headers().location ?? "").toContain("/login");

  // A code passes once, and the one that turned two-step login on may still be current: the app's next code
  // (one step of clock drift is accepted) is certain to be new.
  await page.getByLabel("Verification code").fill(authenticatorCode(key, Date.now() + 30_000));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();

  // The recovery code logs in once and turns two-step login off.
  await logOut(page);
  await submitLogin(page, tess.email, tess.password);
  await expect(page.getByRole("heading", { name: "Two-step login" })).toBeVisible();
  await page.getByRole("button", { name: "Use your recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCode.toLowerCase());
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "You logged in with your recovery code, which turned two-step login off." }),
  ).toBeVisible();

  await openSettings(page, "Security");
  await expect(twoStepLoginState(page, "off")).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn on two-step login" })).toBeVisible();
  // And the next login asks for the master password only.
  await logOut(page);
  await logIn(page, tess.email, tess.password);
});

test.describe("the vault timeout", () => {
  /** Settings → Preferences: a one-minute timeout with this action, kept by this browser; then back to the vault. */
  async function chooseOneMinute(page: Page, action: "Lock" | "Log out") {
    await openSettings(page, "Preferences");
    await page.getByLabel("Vault timeout", { exact: true }).selectOption({ label: "1 minute" });
    await page.getByLabel("Vault timeout action").selectOption({ label: action });
    await expect(page.getByLabel("Vault timeout", { exact: true })).toHaveValue("1");
    await expect(page.getByLabel("Vault timeout action")).toHaveValue(action === "Lock" ? "lock" : "logOut");
    await backToVault(page);
  }

  /** Lets the page run for a real moment, so a timeout that (wrongly) fired would have shown by now. */
  async function expectStillUnlocked(page: Page) {
    await page.waitForTimeout(1_000);
    await expect(page).toHaveURL(/\/vault$/);
    await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
  }

  test("the vault locks after the chosen inactivity", async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.install();
    const ivy = OWN_ACCOUNTS.idleLock;
    await logIn(page, ivy.email, ivy.password);
    await chooseOneMinute(page, "Lock");

    // 40 s without input: still open. Then the mouse moves, which starts the minute again.
    await page.clock.fastForward(40_000);
    await expectStillUnlocked(page);
    await page.mouse.move(200, 300);
    await page.mouse.move(220, 320);
    await page.clock.fastForward(40_000);
    await expectStillUnlocked(page);

    // Over a minute since the last input: the keys are dropped and the unlock screen shows.
    await page.clock.fastForward(30_000);
    await expect(page.getByRole("heading", { name: "Your vault is locked" })).toBeVisible();
    await expect(page).toHaveURL(/\/lock\?returnTo=%2Fvault$/);
    // Locked, not logged out: the session is still there and the master password opens the vault again.
    await page.getByLabel("Master password").fill(ivy.password);
    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
  });

  test("with the Log out action, the timeout ends the session", async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.install();
    const olive = OWN_ACCOUNTS.idleLogOut;
    await logIn(page, olive.email, olive.password);
    await chooseOneMinute(page, "Log out");

    await page.clock.fastForward(65_000);
    await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    // The session ended on the server too: the vault sends this browser to the login page.
    await page.goto("/vault");
    await expect(page).toHaveURL(/\/login$/);
    await logIn(page, olive.email, olive.password);
  });
});

test("a person deletes their account", async ({ browser }) => {
  test.setTimeout(120_000);
  const dana = OWN_ACCOUNTS.deletion;
  const page = await newPage(browser);
  await logIn(page, dana.email, dana.password);
  await newSecureNote(page, marked(`Dana's diary ${Date.now().toString(36)}`));

  await openSettings(page, "My account");
  await page.getByRole("button", { name: "Delete account" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete account" });
  const confirmation = dialog.getByLabel(`Type ${dana.email} to confirm`);

  // The wrong address, then the wrong master password: nothing is deleted.
  await dialog.getByLabel("Master password").fill(dana.password);
  await confirmation.fill(uniqueEmail("someone-else"));
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(dialog.getByText("Type your email address exactly as shown to confirm.")).toBeVisible();
  await dialog.getByLabel("Master password").fill("not dana's master password");
  await confirmation.fill(dana.email);
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(dialog.getByText("Your master password is not correct.")).toBeVisible();
  await expect(dialog.getByText("Type your email address exactly as shown to confirm.")).toBeHidden();

  await dialog.getByLabel("Master password").fill(dana.password);
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("status").filter({ hasText: "Your account was deleted." })).toBeVisible();

  await submitLogin(page, dana.email, dana.password);
  await expect(alertWith(page, "Invalid email or master password.")).toBeVisible();
  await page.goto("/vault");
  await expect(page).toHaveURL(/\/login$/);
});
