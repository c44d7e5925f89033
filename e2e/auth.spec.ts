import { expect, test } from "@playwright/test";
import { alertWith, DEMO_PASSWORD, logIn, register, uniqueEmail, watchForText } from "./helpers";

test("a signed-out visit to /vault lands on the login page", async ({ page }) => {
  await page.goto("/vault");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
});

test("register, log out, log in, lock and unlock", async ({ page, context }) => {
  const email = uniqueEmail("reg");
  const password = "a long master password for e2e";

  await page.goto("/register");
  const progressShown = await watchForText(page, "Creating your encryption keys…");
  await register(page, { email, name: "Erin Endtoend", password }, { navigate: false });
  await expect(page.getByRole("heading", { name: "My vault" })).toBeVisible();
  expect(await progressShown()).toBe(true); // the progress indicator showed while the keys were derived
  await expect(page.getByText("Welcome, Erin Endtoend.")).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Master password").fill(password);
  const loginProgressShown = await watchForText(page, "Deriving your keys from the master password…");
  await page.getByRole("button", { name: "Log in with master password" }).click();
  await expect(page.getByRole("heading", { name: "My vault" })).toBeVisible();
  expect(await loginProgressShown()).toBe(true);

  await page.getByRole("button", { name: "Lock" }).click();
  await expect(page.getByRole("heading", { name: "Your vault is locked" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  await page.getByLabel("Master password").fill("not the password");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(alertWith(page, "Invalid master password.")).toBeVisible();

  await page.getByLabel("Master password").fill(password);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("heading", { name: "My vault" })).toBeVisible();

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

test("logging out ends the session on the server: a copy of its cookie is sent to /login", async ({ page, context, browser }) => {
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

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const after = await browser.newContext();
  await after.addCookies(cookies);
  const afterPage = await after.newPage();
  await afterPage.goto("/vault");
  await expect(afterPage).toHaveURL(/\/login$/);
  await expect(afterPage.getByRole("heading", { name: "Log in" })).toBeVisible();
  await after.close();
});

test("ten wrong master passwords pause logins for the account, even with the right password", async ({ page }) => {
  test.setTimeout(240_000); // each attempt derives the master key in the browser (600,000 PBKDF2 iterations)
  const email = uniqueEmail("throttled");
  const password = "the right master password";
  await register(page, { email, name: "Tom Throttled", password });
  await expect(page.getByRole("heading", { name: "My vault" })).toBeVisible();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const throttled = "Too many failed login attempts. Try again in 15 minutes.";
  async function attempt(masterPassword: string, expected: string) {
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Master password").fill(masterPassword);
    // The form clears its error on submit; waiting for the server's answer keeps one attempt's alert from passing for the next's.
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Log in with master password" }).click();
    await answered;
    await expect(alertWith(page, expected)).toBeVisible();
  }
  for (let count = 1; count < 10; count += 1) await attempt(`wrong master password ${count}`, "Invalid email or master password.");
  await attempt("wrong master password 10", throttled);
  await attempt(password, throttled);
  await page.goto("/vault");
  await expect(page).toHaveURL(/\/login$/);
});

test("registration explains bad input next to the field and creates nothing", async ({ page }) => {
  await page.goto("/register");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByText("Master password must be at least 12 characters.")).toBeVisible();

  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByLabel("Name").fill("x".repeat(51));
  await page.getByLabel("Master password", { exact: true }).fill("long enough password");
  await page.getByLabel("Confirm master password").fill("something different");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Name must be at most 50 characters.")).toBeVisible();
  await expect(page.getByText("Master password confirmation does not match.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  // A duplicate email is caught by the server after the keys were derived.
  await register(page, { email: "Admin@Demo-MSP.example", name: "Impostor", password: "another long password" });
  await expect(alertWith(page, "An account with this email already exists.")).toBeVisible();
  await expect(page).toHaveURL(/\/register$/);

  // ...and the real account is untouched.
  await logIn(page, "admin@demo-msp.example", DEMO_PASSWORD);
});
