import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import {
  ACCOUNT_EXISTS_SUBJECT,
  alertWith,
  DEMO_PASSWORD,
  FINISH_REGISTRATION_SUBJECT,
  finishRegistration,
  followMailLink,
  lockVault,
  logIn,
  logOut,
  startRegistration,
  uniqueEmail,
  watchForText,
} from "./helpers";
import { THROTTLED } from "./support/seeded-people";

test("a signed-out visit to /vault lands on the login page", async ({ page }) => {
  await page.goto("/vault");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
});

test("register with mail verification, log out, log in, lock and unlock", async ({ page, context }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("reg");
  const password = "a long master password for e2e";

  // Step one asks only for the address and a name, and no account exists until the mailed link is followed.
  await startRegistration(page, { email, name: "Erin Endtoend" });
  await expect(page.getByText(`We sent a mail to ${email}.`)).toBeVisible();
  await logInFails(page, email, password);

  await followMailLink(page, { to: email, subject: FINISH_REGISTRATION_SUBJECT });
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Name")).toHaveValue("Erin Endtoend");
  const progressShown = await watchForText(page, "Creating your encryption keys…");
  await finishRegistration(page, { name: "Erin Endtoend", password });
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
  expect(await progressShown()).toBe(true); // the progress indicator showed while the keys were derived
  await expect(page.getByText("Welcome, Erin Endtoend.")).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByText("Verified", { exact: true })).toBeVisible();

  await logOut(page);

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Master password").fill(password);
  const loginProgressShown = await watchForText(page, "Deriving your keys from the master password…");
  await page.getByRole("button", { name: "Log in with master password" }).click();
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
  expect(await loginProgressShown()).toBe(true);

  await lockVault(page);
  await expect(page.getByText(email)).toBeVisible();

  await page.getByLabel("Master password").fill("not the password");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(alertWith(page, "Invalid master password.")).toBeVisible();

  await page.getByLabel("Master password").fill(password);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();

  // A new tab shares the session but not the keys: it shows the unlock screen.
  const second = await context.newPage();
  await second.goto("/vault");
  await expect(second.getByRole("heading", { name: "Your vault is locked" })).toBeVisible();
});

test("a wrong master password gives a clear error and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("admin@demo-msp.example");
  await page.getByLabel("Master password").fill("wrong password entirely");
  await page.getByRole("button", { name: "Log in with master password" }).click();
  await expect(alertWith(page, "Invalid email or master password.")).toBeVisible();
  await page.goto("/vault");
  await expect(page).toHaveURL(/\/login$/);
});

test("an unknown email gets the same answer as a wrong password", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(uniqueEmail("nobody"));
  await page.getByLabel("Master password").fill("whatever it is");
  await page.getByRole("button", { name: "Log in with master password" }).click();
  await expect(alertWith(page, "Invalid email or master password.")).toBeVisible();
});

test("logging out ends the session on the server: a copy of its cookie is sent to /login", async ({
  page,
  context,
  browser,
}) => {
  await logIn(page, "user@client1.example");
  const cookies = (await context.cookies()).filter((cookie) => cookie.name.includes("session-token"));
  expect(cookies.length).toBeGreaterThan(0);

  // Until the logout, the copied cookie alone is a session: another browser is signed in (its vault is locked).
  const before = await browser.newContext();
  await before.addCookies(cookies);
  const beforePage = await before.newPage();
  await beforePage.goto("/vault");
  await expect(beforePage.getByRole("heading", { name: "Your vault is locked" })).toBeVisible();
  await before.close();

  await logOut(page);

  const after = await browser.newContext();
  await after.addCookies(cookies);
  const afterPage = await after.newPage();
  await afterPage.goto("/vault");
  await expect(afterPage).toHaveURL(/\/login$/);
  await expect(afterPage.getByRole("heading", { name: "Log in" })).toBeVisible();
  await after.close();
});

test("ten wrong master passwords pause logins for the account, even with the right password", async ({ page }) => {
  const { email, password } = THROTTLED;
  // Nine failures straight to the login endpoint (the page's own failure is the test above), the tenth on the page.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (let count = 1; count < 10; count += 1) {
    const refused = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, masterPasswordHash: randomBytes(32).toString("base64") },
      maxRedirects: 0,
    });
    expect(refused.headers().location ?? "").toContain("error");
  }

  const throttled = "Too many failed login attempts. Try again in 15 minutes.";
  await page.goto("/login");
  async function attempt(masterPassword: string, expected: string) {
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Master password").fill(masterPassword);
    // The form clears its error on submit; waiting for the server's answer keeps one attempt's alert from passing for the next's.
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Log in with master password" }).click();
    await answered;
    await expect(alertWith(page, expected)).toBeVisible();
  }
  await attempt("wrong master password 10", throttled);
  await attempt(password, throttled);
  await page.goto("/vault");
  await expect(page).toHaveURL(/\/login$/);
});

test("registration explains bad input next to the field and creates nothing", async ({ page }) => {
  await page.goto("/register");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await expect(page.getByText("Enter a name.")).toBeVisible();

  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByLabel("Name").fill("x".repeat(51));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Name must be at most 50 characters.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  // The master password is checked on the page the mailed link opens.
  const email = uniqueEmail("bad-input");
  await startRegistration(page, { email, name: "Bea Badinput" });
  await followMailLink(page, { to: email, subject: FINISH_REGISTRATION_SUBJECT });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Master password must be at least 12 characters.")).toBeVisible();
  await page.getByLabel("Master password", { exact: true }).fill("long enough password");
  await page.getByLabel("Confirm master password").fill("something different");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Master password confirmation does not match.")).toBeVisible();
});

test("registering an address that has an account answers the same, and the mail says so without a link to use", async ({
  page,
}) => {
  // Someone tries the provider admin's address: the page does not tell them it is taken.
  await startRegistration(page, { email: "Admin@Demo-MSP.example", name: "Impostor" });
  await expect(page.getByText("We sent a mail to admin@demo-msp.example.")).toBeVisible();

  // Only the mailbox's owner learns it, with a way to log in and nothing to register with.
  await page.goto("/dev/mailbox");
  await page
    .getByRole("row")
    .filter({ hasText: "admin@demo-msp.example" })
    .filter({ hasText: ACCOUNT_EXISTS_SUBJECT })
    .first()
    .getByRole("link")
    .click();
  const mail = page.locator("#mail");
  await expect(mail.getByRole("link", { name: /\/login\?email=admin%40demo-msp\.example$/ })).toBeVisible();
  await expect(mail.getByText(/token=/)).toHaveCount(0);

  // ...and the real account is untouched.
  await logIn(page, "admin@demo-msp.example", DEMO_PASSWORD);
});

test("a used or damaged registration link is refused with a way to start again", async ({ page }) => {
  const person = { email: uniqueEmail("once"), name: "Olly Once", password: "a long master password once" };
  await startRegistration(page, person);
  await followMailLink(page, { to: person.email, subject: FINISH_REGISTRATION_SUBJECT });
  const link = page.url();
  await finishRegistration(page, person);
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
  await logOut(page);

  await page.goto(link);
  await expect(alertWith(page, "This link has already been used.")).toBeVisible();
  await page.goto("/register/finish?token=damaged");
  await expect(alertWith(page, "This link is not valid. Request a new one.")).toBeVisible();
  await page.getByRole("link", { name: "Start again" }).click();
  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
});

async function logInFails(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Master password").fill(password);
  await page.getByRole("button", { name: "Log in with master password" }).click();
  await expect(alertWith(page, "Invalid email or master password.")).toBeVisible();
}
