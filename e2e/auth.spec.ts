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
