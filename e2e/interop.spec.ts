import { expect, test } from "@playwright/test";
import { fingerprintPhrase, hashMasterPassword, deriveMasterKey, unlockAccount } from "../tests/support/node-bitwarden";
import { DEMO_PASSWORD, logIn, openAccountMenu } from "./helpers";

/**
 * The formats are really DESIGN §4's: a login hash computed by an independent implementation (Node's crypto, not
 * lib/crypto) opens a demo account through the documented interfaces, and its key material unlocks with it.
 */
const EMAIL = "owner@client1.example";

test("an independently computed master password hash logs in and unlocks a demo account", async ({ request }) => {
  const prelogin = await request.post("/api/accounts/prelogin", { data: { email: EMAIL } });
  expect(prelogin.ok()).toBe(true);
  const { kdf, kdfIterations } = (await prelogin.json()) as { kdf: number; kdfIterations: number };
  expect(kdf).toBe(0);

  const masterPasswordHash = hashMasterPassword(deriveMasterKey(DEMO_PASSWORD, EMAIL, kdfIterations), DEMO_PASSWORD);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: EMAIL, masterPasswordHash, callbackUrl: "/vault" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(302);
  expect(signIn.headers().location).not.toContain("error");

  const keys = await request.get("/api/accounts/keys");
  expect(keys.status()).toBe(200);
  const material = (await keys.json()) as { key: string; privateKey: string; organizations: { name: string }[] };
  const unlocked = unlockAccount({
    email: EMAIL,
    password: DEMO_PASSWORD,
    iterations: kdfIterations,
    key: material.key,
    privateKey: material.privateKey,
  });
  expect(unlocked.userKey).toHaveLength(64);
  expect(unlocked.privateKey.length).toBeGreaterThan(1000);
  expect(material.organizations.map((organization) => organization.name)).toEqual(["My Client's Organization"]);
});

test("a wrong hash gets no session", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: EMAIL, masterPasswordHash: Buffer.alloc(32, 7).toString("base64") },
    maxRedirects: 0,
  });
  expect((await request.get("/api/accounts/keys")).status()).toBe(401);
});

test("the fingerprint phrase on the settings page matches an independent computation", async ({ page }) => {
  await logIn(page, EMAIL);
  const material = (await (await page.request.get("/api/accounts/keys")).json()) as {
    userId: string;
    publicKey: string;
  };
  await (await openAccountMenu(page)).getByRole("menuitem", { name: "Account settings" }).click();
  await expect(page.getByTestId("fingerprint-phrase")).toHaveText(
    fingerprintPhrase(material.userId, material.publicKey),
  );
});
