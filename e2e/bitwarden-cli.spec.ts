import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import {
  createProviderThroughUi,
  escapeRegExp,
  newPage,
  register,
  registerFromLink,
  registerOrLogIn,
  uniqueEmail,
} from "./helpers";
import { BwClient } from "./support/bw";
import { marked } from "./support/plaintext-marker";

/**
 * Issue 12: the official Bitwarden CLI (pinned, @bitwarden/cli 2026.9.0) against Keyhouse over HTTPS, and the same
 * data in the web vault in Chromium. What the CLI writes, the web vault opens, and the reverse.
 */
const stamp = Date.now().toString(36);
const TOTP_SECRET = "JBSWY3DPEHPK3PXP";
/** This spec's operator (listed in playwright.config.ts's ADMIN_EMAILS). */
const OPERATOR = { email: "operator5@keyhouse.test", name: "Opal Operator", password: "opal operator master password" };

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

const vaultList = (page: Page) => page.getByRole("listbox", { name: "Items" });

async function openInWebVault(page: Page, name: string) {
  await vaultList(page)
    .getByRole("option", { name: new RegExp(escapeRegExp(name)) })
    .click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
}

/**
 * An item as `bw create item` takes it: the shape of `bw get template item` (written out, to spare a CLI start per
 * item), with the parts of one type filled in.
 */
function itemFrom(fill: Record<string, unknown>): string {
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
  return BwClient.encode({ ...template, ...fill });
}

/** `bw get template org-collection`, written out, with a name and nobody granted anything. */
function collectionFrom(organizationId: string, name: string): string {
  return BwClient.encode({ organizationId, name, externalId: null, groups: [], users: [] });
}

test("an organization item moves and changes collections from the CLI; a member who loses access stops seeing it after a plain sync", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const owner = { email: uniqueEmail("cli-owner"), name: "Orla Owner", password: "orla owner master password" };
  const member = { email: uniqueEmail("cli-member"), name: "Milo Member", password: "milo member master password" };
  const organization = `Cli Org ${stamp}`;
  const ownerPage = await newPage(browser);
  await register(ownerPage, owner);
  await ownerPage.getByRole("link", { name: "New organization" }).click();
  await ownerPage.getByLabel("Organization name").fill(organization);
  await ownerPage.getByLabel("Seats").fill("3");
  await ownerPage.getByRole("button", { name: "Create organization" }).click();
  await expect(ownerPage.getByRole("heading", { name: organization })).toBeVisible();
  const organizationUrl = ownerPage.url().replace(/\/overview$/, "");
  await ownerPage.goto(`${organizationUrl}/members`);
  await ownerPage.getByRole("button", { name: "Invite member" }).click();
  const invite = ownerPage.getByRole("dialog", { name: "Invite members" });
  await invite.getByLabel("Email addresses").fill(member.email);
  await invite.getByLabel("Add", { exact: true }).selectOption({ label: "Default collection" });
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite).toBeHidden();
  const memberPage = await newPage(browser);
  await registerFromLink(memberPage, member, { subject: `Join ${organization} on Keyhouse` });
  await memberPage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(memberPage.getByRole("heading", { name: "My vault" })).toBeVisible();
  await ownerPage.goto(`${organizationUrl}/members?filter=accepted`);
  await ownerPage.getByRole("button", { name: `Options for ${member.email}` }).click();
  await ownerPage.getByRole("menuitem", { name: "Confirm" }).click();
  const confirm = ownerPage.getByRole("dialog", { name: `Confirm ${member.email}` });
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm).toBeHidden();
  await ownerPage.goto(`${organizationUrl}/members`);
  await expect(ownerPage.getByRole("row").filter({ hasText: member.email })).toContainText("Confirmed");

  const ownerCli = new BwClient();
  const memberCli = new BwClient();
  try {
    // The owner makes a personal item in the CLI and moves it into the organization's collection.
    await ownerCli.logIn(owner.email, owner.password);
    const [org] = await ownerCli.json<{ id: string; name: string }[]>(["list", "organizations"]);
    expect(org?.name).toBe(organization);
    const collections = await ownerCli.json<{ id: string; name: string }[]>(["list", "collections"]);
    const defaultCollection = collections.find((collection) => collection.name === "Default collection")!;
    const shared = marked(`Shared from the cli ${stamp}`);
    const item = await ownerCli.json<BwItem>([
      "create",
      "item",
      itemFrom({
        type: 1,
        name: shared,
        login: { username: marked("team-user"), password: marked("Team-Pass-1"), uris: [] },
      }),
    ]);
    await ownerCli.ok(["move", item.id, org!.id, BwClient.encode([defaultCollection.id])]);
    // Read back in a new run of the CLI: `bw move` may print its copy from before the server's answer was stored.
    const moved = await ownerCli.json<BwItem>(["get", "item", item.id]);
    expect(moved.organizationId).toBe(org!.id);

    // A second collection, made in the CLI by the owner; the item goes into both.
    const extra = await ownerCli.json<{ id: string }>([
      "create",
      "org-collection",
      "--organizationid",
      org!.id,
      collectionFrom(org!.id, marked(`Cli collection ${stamp}`)),
    ]);
    await ownerCli.ok([
      "edit",
      "item-collections",
      item.id,
      "--organizationid",
      org!.id,
      BwClient.encode([defaultCollection.id, extra.id]),
    ]);

    // The member reads it in the CLI, and in the web vault.
    await memberCli.logIn(member.email, member.password);
    const seen = await memberCli.json<BwItem[]>(["list", "items"]);
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
    await memberCli.ok(["sync"]);
    expect((await memberCli.json<BwItem[]>(["list", "items"])).map((entry) => entry.name)).not.toContain(shared);
  } finally {
    ownerCli.dispose();
    memberCli.dispose();
  }
});

test("a provider admin makes a collection in a client from the CLI, and sees none of the client's items", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // A provider of this test's own, so no other test's changes to the demo provider get in the way.
  const operatorPage = await newPage(browser);
  await registerOrLogIn(operatorPage, OPERATOR);
  const provider = `Cli MSP ${stamp}`;
  const admin = { email: uniqueEmail("cli-msp"), name: "Max Msp", password: "max msp master password" };
  const adminPage = await newPage(browser);
  await createProviderThroughUi(operatorPage, adminPage, { name: provider, owner: admin });
  const client = `Cli Client ${stamp}`;
  await adminPage.getByRole("button", { name: "Add" }).click();
  await adminPage.getByRole("menuitem", { name: "New client" }).click();
  const create = adminPage.getByRole("dialog", { name: "New client" });
  await create.getByLabel("Organization name").fill(client);
  await create.getByLabel("Client owner email").fill(uniqueEmail("cli-client-owner"));
  await create.getByLabel("Seats").fill("5");
  await create.getByRole("button", { name: "Create client" }).click();
  await expect(create).toBeHidden();
  await adminPage.getByRole("link", { name: client }).click();
  await expect(adminPage).toHaveURL(/\/organizations\/[0-9a-f-]{36}/);
  const clientId = adminPage.url().match(/\/organizations\/([0-9a-f-]{36})/)![1]!;

  const bw = new BwClient();
  try {
    await bw.logIn(admin.email, admin.password);
    // The client comes through the provider: `bw list organizations` names only organizations one is a member of.
    expect(await bw.json<unknown[]>(["list", "organizations"])).toEqual([]);
    const name = marked(`Msp collection ${stamp}`);
    await bw.ok(["create", "org-collection", "--organizationid", clientId, collectionFrom(clientId, name)]);
    const listed = await bw.json<{ name: string }[]>(["list", "org-collections", "--organizationid", clientId]);
    expect(listed.map((collection) => collection.name)).toContain(name);
    expect(await bw.json<unknown[]>(["list", "items"])).toEqual([]);
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
  const person = { email: uniqueEmail("cli-2fa"), name: "Tia Twostep", password: "tia twostep master password" };
  const page = await newPage(browser);
  await register(page, person);

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
    const fromWeb = (await withCode.json<BwItem[]>(["list", "items"])).find((item) => item.name === webItem);
    expect(fromWeb?.login?.username).toBe(marked("web-user"));
    expect(await withCode.ok(["get", "password", fromWeb!.id])).toBe(marked("Web-Pass-1"));

    // Every item type, made by the CLI, in a folder it made.
    const folder = await withCode.json<{ id: string }>([
      "create",
      "folder",
      BwClient.encode({ name: marked("Cli folder") }),
    ]);
    const names = {
      login: marked(`Cli login ${stamp}`),
      note: marked(`Cli note ${stamp}`),
      card: marked(`Cli card ${stamp}`),
      identity: marked(`Cli identity ${stamp}`),
    };
    const login = await withCode.json<BwItem>([
      "create",
      "item",
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
    ]);
    const note = await withCode.json<BwItem>([
      "create",
      "item",
      itemFrom({ type: 2, name: names.note, secureNote: { type: 0 } }),
    ]);
    await withCode.ok([
      "create",
      "item",
      itemFrom({
        type: 3,
        name: names.card,
        card: { cardholderName: marked("Cleo Cli"), brand: "Visa", number: marked("4111111111111111") },
      }),
    ]);
    await withCode.ok([
      "create",
      "item",
      itemFrom({ type: 4, name: names.identity, identity: { firstName: marked("Cleo") } }),
    ]);
    expect(await withCode.ok(["get", "totp", login.id])).toMatch(/^\d{6}$/);

    // An edit in the CLI.
    const edited = { ...login, notes: marked("edited by the cli") };
    await withCode.ok(["edit", "item", login.id, BwClient.encode(edited)]);

    // A file attached from the CLI comes back whole from the server (encrypted there), and the web vault lists it.
    const attachmentName = `${marked("cli-attachment")}.txt`;
    const attachmentText = marked("a file the cli attached");
    const attached = path.join(withCode.dataDir, attachmentName);
    writeFileSync(attached, attachmentText);
    await withCode.ok(["create", "attachment", "--file", attached, "--itemid", login.id]);
    const downloaded = path.join(withCode.dataDir, "downloaded.txt");
    await withCode.ok(["get", "attachment", attachmentName, "--itemid", login.id, "--output", downloaded]);
    expect(readFileSync(downloaded, "utf8")).toBe(attachmentText);

    // The web vault opens all of it.
    await page.goto("/vault");
    for (const name of Object.values(names)) await expect(vaultList(page)).toContainText(name);
    await openInWebVault(page, names.login);
    await expect(page.getByText(marked("edited by the cli"))).toBeVisible();
    await expect(page.getByText(marked("cli-user")).first()).toBeVisible();
    await expect(page.getByRole("timer")).toHaveAttribute("aria-label", /Verification code \d{3} \d{3}/);
    await expect(page.getByRole("region", { name: "Attachments" })).toContainText(attachmentName);

    // Trash, restore and delete for good from the CLI; the web vault follows.
    await withCode.ok(["delete", "item", note.id]);
    await withCode.ok(["restore", "item", note.id]);
    await withCode.ok(["delete", "item", note.id, "--permanent"]);
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
    const ended = await withCode.run(["sync", "--force"]);
    expect(ended.code).not.toBe(0);
  } finally {
    withCode.dispose();
    withApiKey.dispose();
  }
});
