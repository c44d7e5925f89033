import { type APIResponse, expect, test } from "@playwright/test";
import { DEMO_PASSWORD, logIn, newPage } from "./helpers";
import { recordCspViolations } from "./support/csp";
import { OWN_ACCOUNTS } from "./support/seeded-people";

/**
 * Issue 8 against next start: every page carries a strict Content-Security-Policy whose nonce is new on each
 * response and is on every script Next.js renders; the key pages work under it without a single violation; the
 * fixed headers are on redirects too; and redirect targets from the query string never leave the site (a newline
 * in one was a 500, a tab an open redirect).
 */
const CLIENT = "My Client's Organization";

function nonceOf(response: APIResponse): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  if (!nonce) throw new Error("no nonce in the Content-Security-Policy");
  return nonce;
}

function expectFixedHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("clipboard-write=(self)");
  // This server is reached over plain HTTP and does not trust forwarding headers (no TRUST_PROXY).
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("each page gets a new nonce, on every script it renders, and the fixed headers; none of it is HSTS over HTTP", async ({
  request,
}) => {
  const first = await request.get("/login");
  const second = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  expectFixedHeaders(first);
  expectFixedHeaders(second);
  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toContain(`script-src 'self' 'nonce-${nonceOf(first)}' 'strict-dynamic'`);
  // No JavaScript eval in production; 'wasm-unsafe-eval' only lets WebAssembly (Argon2id) compile.
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");

  const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonceOf(first)}"`);

  const redirect = await request.get("/vault", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  nonceOf(redirect);
  expectFixedHeaders(redirect);
});

test("redirect targets from the query string stay on this site", async ({ browser, request }) => {
  // Signed out, the login page renders (a newline in callbackUrl was a 500).
  for (const attack of ["/%0a/evil.example", "/%0d/evil.example", "/%09/evil.example/x"]) {
    expect((await request.get(`/login?callbackUrl=${attack}`)).status()).toBe(200);
  }

  // next-auth's own callbackUrl goes through the same check.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signOut = await request.post("/api/auth/signout", {
    form: { csrfToken, callbackUrl: "https://evil.example/x" },
    headers: { "X-Auth-Return-Redirect": "1" },
  });
  // next-auth names this server by the host it was started on (localhost or 127.0.0.1): never another site.
  expect(((await signOut.json()) as { url: string }).url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/vault$/);

  const page = await newPage(browser);
  await logIn(page, "user@client1.example");
  // Signed in, the login page sends the visitor on: to the vault, not to another site, and never a 500.
  for (const attack of ["/%0a/evil.example", "/%09/evil.example/x", "/%5Cevil.example", "//evil.example"]) {
    const response = await page.request.get(`/login?callbackUrl=${attack}`, { maxRedirects: 0 });
    expect(response.status(), attack).toBe(307);
    expect(response.headers().location, attack).toBe("/vault");
  }

  // The unlock screen of a phishing link returns to the vault on this site.
  await page.goto("/lock?returnTo=/%09/evil.example/x");
  await page.getByLabel("Master password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/vault");
});

test("the login page, the vault, two-step setup and export work without a CSP violation", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await newPage(browser);
  const violations: string[] = [];
  await recordCspViolations(page, violations);

  await test.step("login and the vault, with an item's password strength", async () => {
    await logIn(page, "owner@client1.example");
    await page.getByRole("button", { name: "New item" }).click();
    await page.getByRole("menuitem", { name: "Login", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: /^New login/ });
    await dialog.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
    await expect(dialog.getByRole("meter", { name: "Password strength" })).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });

  // Every page of the catalog is opened under the policy in the accessibility walk too (weak-password ratings on Web
  // Workers included); these steps are what only a person's actions reach.
  await test.step("export: a file made in the browser and downloaded from a blob: URL", async () => {
    await page.getByRole("button", { name: /^Switch product/ }).click();
    await page.getByRole("navigation", { name: "Products" }).getByRole("link", { name: CLIENT }).click();
    await page.getByRole("navigation", { name: "Admin Console" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Export vault" }).click();
    await page.getByLabel("File format").selectOption({ label: "Bitwarden (json)" });
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export vault" }).click();
    await page
      .getByRole("dialog", { name: "Export an unencrypted file?" })
      .getByRole("button", { name: "Export unencrypted file" })
      .click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
  });

  await test.step("two-step login setup shows its QR code (a data: image)", async () => {
    const person = OWN_ACCOUNTS.cspTwoStep;
    const other = await newPage(browser);
    await recordCspViolations(other, violations);
    await logIn(other, person.email, person.password);
    await other.goto("/settings/security");
    await other.getByRole("button", { name: "Turn on two-step login" }).click();
    const dialog = other.getByRole("dialog", { name: "Turn on two-step login" });
    await dialog.getByLabel("Master password").fill(person.password);
    await dialog.getByRole("button", { name: "Continue" }).click();
    const qr = dialog.getByRole("img", { name: "QR code for your authenticator app" });
    await expect(qr).toBeVisible();
    expect(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await other.close();
  });

  expect(violations).toEqual([]);
});
