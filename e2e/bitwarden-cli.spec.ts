import { expect, type Page, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { logIn, newPage, vaultItem, vaultTable } from "./helpers";
import { BwClient } from "./support/bw";
import { CLI_ORGANIZATION, CLI_PROVIDER } from "./support/cli-tenants";
import { marked } from "./support/plaintext-marker";
import { OWN_ACCOUNTS } from "./support/seeded-people";

/**
 * Issue 12: the official Bitwarden CLI (pinned, @bitwarden/cli 2026.9.0) against Keyhouse over HTTPS, and the same
 * data in the web vault in Chromium. What the CLI writes, the web vault opens, and the reverse. Logins run as
 * terminal commands; the vault commands after them go through `bw serve` (the same commands behind the CLI's own REST
 * API: see e2e/support/bw.ts).
 */
const stamp = Date.now().toString(36);
const TOTP_SECRET = "JBSWY3DPEHPK3PXP";

type BwItem = {
  id: string;
  name: string;
  type: number;
  organizationId: string | null;
  collectionIds: string[];
  folderId: string | null;
  login?: { username: string | null; password: string | null; totp: string | null };
  notes: string | null;
};

const vaultList = vaultTable;

async function openInWebVault(page: Page, name: string) {
  await vaultItem(page, name).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
}

/**
 * An item as `bw create item` takes it: the shape of `bw get template item` (written out, to spare a CLI request per
 * item), with the parts of one type filled in.
 */
function itemFrom(fill: Record<string, unknown>): Record<string, unknown> {
  const template = {
    organizationId: null,
    collectionIds: null,
    folderId: null,
    type: 1,
    name: "Item name",
    notes: null,
    favorite: false,
    fields: [],
    login: null,
    secureNote: null,
    card: null,
    identity: null,
    reprompt: 0,
  };
  return { ...template, ...fill };
}

/** `bw get template org-collection`, written out, with a name and nobody granted anything. */
function collectionFrom(organizationId: string, name: string) {
  return { organizationId, name, externalId: null, groups: [], users: [] };
}

test("an organization item moves and changes collections from the CLI; a member who loses access stops seeing it after a plain sync", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { owner, member, name: organization } = CLI_ORGANIZATION;
  const ownerPage = await newPage(browser);
  await logIn(ownerPage, owner.email, owner.password);
  const memberPage = await newPage(browser);
  await logIn(memberPage, member.email, member.password);

  const ownerCli = new BwClient();
  const memberCli = new BwClient();
  try {
    // The owner makes a personal item in the CLI and moves it into the organization's collection.
    await ownerCli.logIn(owner.email, owner.password);
    await ownerCli.serve();
    const [org] = await ownerCli.call<{ id: string; name: string }[]>("GET", "/list/object/organizations");
    expect(org?.name).toBe(organization);
    const collections = await ownerCli.call<{ id: string; name: string }[]>("GET", "/list/object/collections");
    const defaultCollection = collections.find((collection) => collection.name === "Default collection")!;
    const shared = marked(`Shared from the cli ${stamp}`);
    const item = await ownerCli.call<BwItem>(
      "POST",
      "/object/item",
      itemFrom({
        type: 1,
        name: shared,
        login: { username: marked("team-user"), password: marked("Team-Pass-1"), uris: [] },
      }),
    );
    await ownerCli.call("POST", `/move/${item.id}/${org!.id}`, [defaultCollection.id]);
    // `bw move` answers its copy from before the server's answer is stored locally: read it back until it is.
    await expect
      .poll(async () => (await ownerCli.call<BwItem>("GET", `/object/item/${item.id}`)).organizationId, {
        timeout: 5_000,
      })
      .toBe(org!.id);
    const organizationUrl = `/organizations/${org!.id}`;

    // A second collection, made in the CLI by the owner; the item goes into both.
    const extra = await ownerCli.call<{ id: string }>(
      "POST",
      `/object/org-collection?organizationid=${org!.id}`,
      collectionFrom(org!.id, marked(`Cli collection ${stamp}`)),
    );
    await ownerCli.call("PUT", `/object/item-collections/${item.id}?organizationid=${org!.id}`, [
      defaultCollection.id,
      extra.id,
    ]);

    // The member reads it in the CLI, and in the web vault.
    await memberCli.logIn(member.email, member.password);
    await memberCli.serve();
    const seen = await memberCli.call<BwItem[]>("GET", "/list/object/items");
    expect(seen.find((entry) => entry.name === shared)?.login?.password).toBe(marked("Team-Pass-1"));
    await memberPage.goto("/vault");
    await openInWebVault(memberPage, shared);

    // The owner takes the member out of the default collection in the console.
    await ownerPage.goto(`${organizationUrl}/members`);
    await ownerPage.getByRole("button", { name: `Options for ${member.email}` }).click();
    await ownerPage.getByRole("menuitem", { name: "Edit access" }).click();
    const access = ownerPage.getByRole("dialog", { name: `Access of ${member.email}` });
    await access.getByRole("button", { name: "Remove Default collection" }).click();
    await access.getByRole("button", { name: "Save" }).click();
    await expect(access).toBeHidden();

    // A plain sync (no --force) notices, and the item is gone from the member's CLI.
    await memberCli.call("POST", "/sync");
    expect((await memberCli.call<BwItem[]>("GET", "/list/object/items")).map((entry) => entry.name)).not.toContain(
      shared,
    );
  } finally {
    ownerCli.dispose();
    memberCli.dispose();
  }
});

test("a provider admin makes a collection in a client from the CLI, and sees none of the client's items", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { admin, client } = CLI_PROVIDER;
  const adminPage = await newPage(browser);
  await logIn(adminPage, admin.email, admin.password);
  await adminPage.goto("/providers");
  await adminPage.getByRole("link", { name: CLI_PROVIDER.name }).click();
  await adminPage.getByRole("link", { name: client.name }).click();
  await expect(adminPage).toHaveURL(/\/organizations\/[0-9a-f-]{36}/);
  const clientId = adminPage.url().match(/\/organizations\/([0-9a-f-]{36})/)![1]!;

  const bw = new BwClient();
  try {
    await bw.logIn(admin.email, admin.password);
    await bw.serve();
    // The client comes through the provider: `bw list organizations` names only organizations one is a member of.
    expect(await bw.call<unknown[]>("GET", "/list/object/organizations")).toEqual([]);
    const name = marked(`Msp collection ${stamp}`);
    await bw.call("POST", `/object/org-collection?organizationid=${clientId}`, collectionFrom(clientId, name));
    const listed = await bw.call<{ name: string }[]>("GET", `/list/object/org-collections?organizationid=${clientId}`);
    expect(listed.map((collection) => collection.name)).toContain(name);
    expect(await bw.call<unknown[]>("GET", "/list/object/items")).toEqual([]);
    // The client's console shows it, decrypted with the client's key.
    await adminPage.goto(`/organizations/${clientId}/collections`);
    await expect(adminPage.getByRole("rowheader", { name })).toBeVisible();
  } finally {
    bw.dispose();
  }
});

function authenticatorCode(key: string, now = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(key), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: now,
  });
}

test("the CLI logs in over HTTPS with two-step login and the API key, shares every item type with the web vault both ways, and is logged out from Settings", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const person = OWN_ACCOUNTS.cliTwoStep;
  const page = await newPage(browser);
  await logIn(page, person.email, person.password);

  // The account switches to Argon2id (the smallest settings, for speed): the browser re-keys with WebAssembly, and the
  // CLIs below log in and unlock through Argon2id.
  await page.goto("/settings/security");
  const kdf = page.locator("form").filter({ has: page.getByLabel("KDF algorithm") });
  await kdf.getByLabel("KDF algorithm").selectOption({ label: "Argon2id" });
  await kdf.getByLabel("KDF iterations").fill("2");
  await kdf.getByLabel("KDF memory (MiB)").fill("16");
  await kdf.getByLabel("KDF parallelism").fill("1");
  await kdf.getByLabel("Master password").fill(person.password);
  await kdf.getByRole("button", { name: "Change KDF settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your KDF settings were changed." })).toBeVisible();
  await page.goto("/vault");

  // An item made in the browser first.
  const webItem = marked(`Made on the web ${stamp}`);
  await page.getByRole("button", { name: "New item" }).click();
  await page.getByRole("menuitem", { name: "Login", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^New login/ });
  await dialog.getByLabel("Name", { exact: true }).fill(webItem);
  await dialog.getByLabel("Username").fill(marked("web-user"));
  await dialog.getByLabel("Password", { exact: true }).fill(marked("Web-Pass-1"));
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  await page.goto("/settings/security");
  await page.getByRole("button", { name: "Turn on two-step login" }).click();
  const setUp = page.getByRole("dialog", { name: "Turn on two-step login" });
  await setUp.getByLabel("Master password").fill(person.password);
  await setUp.getByRole("button", { name: "Continue" }).click();
  const key = (await setUp.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/).textContent())!.replace(/\s+/g, "");
  await setUp.getByLabel("Verification code").fill(authenticatorCode(key));
  await setUp.getByRole("button", { name: "Turn on" }).click();
  await setUp.getByRole("button", { name: "I saved my recovery code" }).click();
  await expect(setUp).toBeHidden();

  const withCode = new BwClient();
  const withApiKey = new BwClient();
  try {
    // Without a code the CLI cannot log in; with the authenticator's next code it can.
    await withCode.configure();
    const refused = await withCode.run(["login", person.email, person.password, "--raw"]);
    expect(refused.code).not.toBe(0);
    await withCode.logIn(person.email, person.password, [
      "--method",
      "0",
      "--code",
      authenticatorCode(key, Date.now() + 30_000),
    ]);
    await withCode.serve();
    const fromWeb = (await withCode.call<BwItem[]>("GET", "/list/object/items")).find((item) => item.name === webItem);
    expect(fromWeb?.login?.username).toBe(marked("web-user"));
    expect(await withCode.call("GET", `/object/password/${fromWeb!.id}`)).toBe(marked("Web-Pass-1"));

    // Every item type, made by the CLI, in a folder it made.
    const folder = await withCode.call<{ id: string }>("POST", "/object/folder", { name: marked("Cli folder") });
    const names = {
      login: marked(`Cli login ${stamp}`),
      note: marked(`Cli note ${stamp}`),
      card: marked(`Cli card ${stamp}`),
      identity: marked(`Cli identity ${stamp}`),
      sshKey: marked(`Cli SSH key ${stamp}`),
    };
    const login = await withCode.call<BwItem>(
      "POST",
      "/object/item",
      itemFrom({
        type: 1,
        name: names.login,
        folderId: folder.id,
        notes: marked("made by the cli"),
        login: {
          username: marked("cli-user"),
          password: marked("Cli-Pass-1"),
          totp: TOTP_SECRET,
          uris: [{ uri: "https://cli.example/login", match: null }],
        },
      }),
    );
    const note = await withCode.call<BwItem>(
      "POST",
      "/object/item",
      itemFrom({ type: 2, name: names.note, secureNote: { type: 0 } }),
    );
    await withCode.call(
      "POST",
      "/object/item",
      itemFrom({
        type: 3,
        name: names.card,
        card: { cardholderName: marked("Cleo Cli"), brand: "Visa", number: marked("4111111111111111") },
      }),
    );
    await withCode.call(
      "POST",
      "/object/item",
      itemFrom({ type: 4, name: names.identity, identity: { firstName: marked("Cleo") } }),
    );
    await withCode.call(
      "POST",
      "/object/item",
      itemFrom({
        type: 5,
        name: names.sshKey,
        sshKey: {
          privateKey: marked("cli private key"),
          publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyhouseCliTestKeyOnly cli@keyhouse.test",
          keyFingerprint: "SHA256:keyhouse-cli-test-fingerprint",
        },
      }),
    );
    expect(await withCode.call("GET", `/object/totp/${login.id}`)).toMatch(/^\d{6}$/);

    // An edit in the CLI.
    const edited = { ...login, notes: marked("edited by the cli") };
    await withCode.call("PUT", `/object/item/${login.id}`, edited);

    // A file attached from the CLI comes back whole from the server (encrypted there), and the web vault lists it.
    const attachmentName = `${marked("cli-attachment")}.txt`;
    const attachmentText = marked("a file the cli attached");
    await withCode.attach(login.id, attachmentName, attachmentText);
    expect((await withCode.attachment(login.id, attachmentName)).toString("utf8")).toBe(attachmentText);

    // The web vault opens all of it.
    await page.goto("/vault");
    for (const name of Object.values(names)) await expect(vaultList(page)).toContainText(name);
    await openInWebVault(page, names.login);
    await expect(page.getByText(marked("edited by the cli"))).toBeVisible();
    await expect(page.getByText(marked("cli-user")).first()).toBeVisible();
    await expect(page.getByRole("timer")).toHaveAttribute("aria-label", /Verification code \d{3} \d{3}/);
    await expect(page.getByRole("region", { name: "Attachments" })).toContainText(attachmentName);

    // Trash, restore and delete for good from the CLI; the web vault follows.
    await withCode.call("DELETE", `/object/item/${note.id}`);
    await withCode.call("POST", `/restore/item/${note.id}`);
    await withCode.call("DELETE", `/object/item/${note.id}?permanent=true`);
    await page.reload();
    await expect(vaultList(page)).toContainText(names.card);
    await expect(vaultList(page)).not.toContainText(names.note);

    // The personal API key, made in Settings, logs a second CLI in (the vault still unlocks with the master password).
    await page.goto("/settings/security");
    await page.getByRole("button", { name: "Create API key" }).click();
    const create = page.getByRole("dialog", { name: "Create API key" });
    await create.getByLabel("Master password").fill(person.password);
    await create.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByRole("dialog", { name: "Your API key" });
    const clientId = (await shown.getByTestId("api-key-client-id").textContent())!.trim();
    const clientSecret = (await shown.getByTestId("api-key-client-secret").textContent())!.trim();
    await shown.getByRole("button", { name: "Done" }).click();
    await withApiKey.logInWithApiKey(clientId, clientSecret, person.password);
    const folders = await withApiKey.json<{ name: string }[]>(["list", "folders"]);
    expect(folders.map((entry) => entry.name)).toContain(marked("Cli folder"));

    // Settings shows both CLIs; logging the others out ends their access at the next request.
    await page.reload();
    const sessions = page.getByRole("list", { name: "Sessions" });
    await expect(sessions.getByRole("listitem").filter({ hasText: "Linux CLI" })).toHaveCount(2);
    await page.getByRole("button", { name: "Log out all other sessions" }).click();
    await page
      .getByRole("dialog", { name: "Log out all other sessions?" })
      .getByRole("button", { name: "Log out others" })
      .click();
    await expect(sessions.getByRole("listitem").filter({ hasText: "Linux CLI" })).toHaveCount(0);
    const ended = await withCode.send("POST", "/sync?force=true");
    expect(ended.success).toBe(false);
  } finally {
    withCode.dispose();
    withApiKey.dispose();
  }
});
