import { expect, type Page, test } from "@playwright/test";
import { TOTP } from "otpauth";
import { newPage, registerFromLink, registerOrLogIn, uniqueEmail, vaultItem, vaultRows } from "./helpers";
import { marked } from "./support/plaintext-marker";

/**
 * Issue 5's vault, as people use it: every item type is created and edited, found by search and by each filter,
 * an item moves into an organization collection where another member sees it, the TOTP code matches an
 * independent computation, and items go to the trash, come back and are deleted for good.
 */
const stamp = Date.now().toString(36);
const OWNER = { email: uniqueEmail("val"), name: "Val Vault", password: "val vault master password" };
const MEMBER = { email: uniqueEmail("wes"), name: "Wes Member", password: "wes member master password" };
const ORGANIZATION = `Val's Team ${stamp}`;
const TOTP_SECRET = "JBSWY3DPEHPK3PXP";

const LOGIN = {
  name: marked(`Bank ${stamp}`),
  username: marked("val@bank.example"),
  password: marked("Bank-Pass-1"),
  uri: "https://bank.example/login",
};
const NOTE = { name: marked(`Recipe ${stamp}`), notes: marked("Two eggs and flour") };
const CARD = { name: marked(`Visa ${stamp}`), holder: marked("Val Vault"), number: marked("4111111111111111") };
const IDENTITY = { name: marked(`Passport ${stamp}`), first: marked("Valerie") };
const SSH = { name: marked(`Server key ${stamp}`) };
const FOLDER = marked("Finance");
const CLIPBOARD = { permissions: ["clipboard-read", "clipboard-write"] };

async function newItem(page: Page, type: string) {
  await page.getByRole("button", { name: "New item" }).click();
  await page.getByRole("menuitem", { name: type, exact: true }).click();
  return page.getByRole("dialog", { name: new RegExp(`^New ${type.toLowerCase()}`) });
}

const filters = (page: Page) => page.getByRole("navigation", { name: "Vault filters" });

async function open(page: Page, name: string) {
  await vaultItem(page, name).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
}

/** Into the organization's default collection, from the item's view. */
async function moveToOrganization(page: Page, name: string) {
  await open(page, name);
  await page.getByRole("button", { name: "Move to organization" }).click();
  const move = page.getByRole("dialog", { name: `Move ${name} to an organization` });
  await move.getByLabel("Organization").selectOption({ label: ORGANIZATION });
  await move.getByRole("checkbox", { name: "Default collection" }).check();
  await move.getByRole("button", { name: "Move" }).click();
  await expect(move).toBeHidden();
}

async function sendToTrash(page: Page, name: string) {
  await open(page, name);
  await page.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: `Send ${name} to the trash?` });
  await confirm.getByRole("button", { name: "Send to trash" }).click();
  await expect(confirm).toBeHidden();
}

test.describe.configure({ mode: "serial" });

test("items of every type: create, edit, search, filters, TOTP, move into a collection, trash and restore", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const val = await newPage(browser, CLIPBOARD);
  await registerOrLogIn(val, OWNER);

  // A folder first, so items can be filed.
  await filters(val).getByRole("button", { name: "New folder" }).click();
  const folderDialog = val.getByRole("dialog", { name: "New folder" });
  await folderDialog.getByLabel("Folder name").fill(FOLDER);
  await folderDialog.getByRole("button", { name: "Save" }).click();
  await expect(filters(val).getByRole("button", { name: FOLDER, exact: true })).toBeVisible();

  // A login with a URI, a TOTP key, a folder and a favorite star.
  let dialog = await newItem(val, "Login");
  await dialog.getByLabel("Name", { exact: true }).fill(LOGIN.name);
  await dialog.getByLabel("Folder").selectOption({ label: FOLDER });
  await dialog.getByLabel("Favorite").check();
  await dialog.getByLabel("Username").fill(LOGIN.username);
  await dialog.getByLabel("Password", { exact: true }).fill(LOGIN.password);
  await dialog.getByLabel("Authenticator key (TOTP)").fill(TOTP_SECRET);
  await dialog.getByRole("button", { name: "Add website" }).click();
  await dialog.getByLabel("Website (URI 1)").fill(LOGIN.uri);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  // A note, a card, an identity and an SSH key made in the browser.
  dialog = await newItem(val, "Secure note");
  await dialog.getByLabel("Name", { exact: true }).fill(NOTE.name);
  await dialog.getByLabel("Notes").fill(NOTE.notes);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  dialog = await newItem(val, "Card");
  await dialog.getByLabel("Name", { exact: true }).fill(CARD.name);
  await dialog.getByLabel("Cardholder name").fill(CARD.holder);
  await dialog.getByLabel("Brand").selectOption("Visa");
  await dialog.getByLabel("Number", { exact: true }).fill(CARD.number);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  dialog = await newItem(val, "Identity");
  await dialog.getByLabel("Name", { exact: true }).fill(IDENTITY.name);
  await dialog.getByLabel("First name").fill(IDENTITY.first);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  dialog = await newItem(val, "SSH key");
  await dialog.getByLabel("Name", { exact: true }).fill(SSH.name);
  await dialog.getByRole("button", { name: "Generate new key" }).click();
  await expect(dialog.getByLabel("Fingerprint")).toHaveValue(/^SHA256:/);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  // Each type filter finds its item; favorites and the folder find the login.
  for (const [type, name] of [
    ["Login", LOGIN.name],
    ["Secure note", NOTE.name],
    ["Card", CARD.name],
    ["Identity", IDENTITY.name],
    ["SSH key", SSH.name],
  ]) {
    await filters(val).getByRole("button", { name: type, exact: true }).click();
    await expect(vaultRows(val)).toHaveCount(1);
    await expect(vaultRows(val).first()).toContainText(name!);
    await expect(val.getByRole("heading", { level: 1 })).toHaveText(type!);
  }
  await filters(val).getByRole("button", { name: "Favorites" }).click();
  await expect(val.getByRole("heading", { level: 1 })).toHaveText("Favorites");
  await expect(vaultRows(val)).toHaveCount(1);
  await expect(vaultRows(val).first()).toContainText(LOGIN.name);
  await filters(val).getByRole("button", { name: FOLDER, exact: true }).click();
  await expect(val.getByRole("heading", { level: 1 })).toHaveText(FOLDER);
  await expect(vaultRows(val)).toHaveCount(1);

  // Search looks at names, usernames and URIs.
  await filters(val).getByRole("button", { name: "All items" }).click();
  for (const query of ["bank.example/login", "val@bank", `Recipe ${stamp}`]) {
    await val.getByLabel("Search the vault").fill(query);
    await expect(vaultRows(val)).toHaveCount(1);
  }
  await val.getByLabel("Search the vault").fill("");

  // The TOTP code shown matches an independent computation.
  await open(val, LOGIN.name);
  const timer = val.getByRole("timer");
  const label = (await timer.getAttribute("aria-label")) ?? "";
  const shown = label
    .match(/Verification code (\d{3}) (\d{3})/)!
    .slice(1)
    .join("");
  const totp = new TOTP({ secret: TOTP_SECRET });
  const now = Date.now();
  expect([totp.generate({ timestamp: now }), totp.generate({ timestamp: now - 30_000 })]).toContain(shown);

  // Editing the password keeps the old one in the history.
  await val.getByRole("button", { name: "Edit" }).click();
  dialog = val.getByRole("dialog", { name: `Edit ${LOGIN.name}` });
  await dialog.getByLabel("Password", { exact: true }).fill(marked("Bank-Pass-2"));
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(val.getByRole("button", { name: "1 earlier password" })).toBeVisible();

  // Val makes an organization; Wes joins it with access to its default collection.
  await val.getByRole("link", { name: "New organization" }).click();
  await val.getByLabel("Organization name").fill(ORGANIZATION);
  await val.getByLabel("Seats").fill("3");
  await val.getByRole("button", { name: "Create organization" }).click();
  await expect(val.getByRole("heading", { name: ORGANIZATION })).toBeVisible();
  const organizationUrl = val.url().replace(/\/overview$/, "");
  await val.goto(`${organizationUrl}/members`);
  await val.getByRole("button", { name: "Invite member" }).click();
  const invite = val.getByRole("dialog", { name: "Invite members" });
  await invite.getByLabel("Email addresses").fill(MEMBER.email);
  await invite.getByLabel("Add", { exact: true }).selectOption({ label: "Default collection" });
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite).toBeHidden();
  const wes = await newPage(browser, CLIPBOARD);
  await registerFromLink(wes, MEMBER, { subject: `Join ${ORGANIZATION} on Keyhouse` });
  await wes.getByRole("button", { name: "Accept invitation" }).click();
  await expect(wes.getByRole("heading", { name: "All vaults" })).toBeVisible();
  await val.goto(`${organizationUrl}/members?filter=accepted`);
  await val.getByRole("button", { name: `Options for ${MEMBER.email}` }).click();
  await val.getByRole("menuitem", { name: "Confirm" }).click();
  const confirm = val.getByRole("dialog", { name: `Confirm ${MEMBER.email}` });
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm).toBeHidden();
  await val.goto(`${organizationUrl}/members`);
  await expect(val.getByRole("row").filter({ hasText: MEMBER.email })).toContainText("Confirmed");

  // The login moves into the organization's collection, re-encrypted there; Wes sees it.
  await val.goto("/vault");
  await moveToOrganization(val, LOGIN.name);
  await wes.goto("/vault");
  await filters(wes).getByRole("button", { name: "Default collection" }).click();
  await open(wes, LOGIN.name);
  await wes.getByRole("button", { name: "Show password" }).click();
  await expect(wes.getByTestId("item-password")).toHaveText(marked("Bank-Pass-2"));

  // Every other type is edited and moves in too; Wes sees each of them.
  const inOrganization = [LOGIN.name];
  for (const { name } of [NOTE, CARD, IDENTITY, SSH]) {
    const renamed = `${name} v2`;
    await open(val, name);
    await val.getByRole("button", { name: "Edit" }).click();
    const edit = val.getByRole("dialog", { name: `Edit ${name}` });
    await edit.getByLabel("Name", { exact: true }).fill(renamed);
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toBeHidden();
    await expect(val.getByRole("heading", { name: renamed, level: 2 })).toBeVisible();
    await moveToOrganization(val, renamed);
    inOrganization.push(renamed);
  }
  await wes.goto("/vault");
  await filters(wes).getByRole("button", { name: "Default collection" }).click();
  await expect(vaultRows(wes)).toHaveCount(inOrganization.length);
  for (const name of inOrganization) await open(wes, name);

  // Each goes to the trash, comes back, goes again and is deleted for good; then Wes sees none of them.
  for (const name of inOrganization) await sendToTrash(val, name);
  await filters(val).getByRole("button", { name: "Trash" }).click();
  await expect(vaultRows(val)).toHaveCount(inOrganization.length);
  for (const name of inOrganization) {
    await open(val, name);
    await val.getByRole("button", { name: "Restore" }).click();
    await expect(vaultItem(val, name)).toHaveCount(0);
  }
  await filters(val).getByRole("button", { name: "All items" }).click();
  for (const name of inOrganization) await sendToTrash(val, name);
  await filters(val).getByRole("button", { name: "Trash" }).click();
  for (const name of inOrganization) {
    await open(val, name);
    await val.getByRole("button", { name: "Delete permanently" }).click();
    await val
      .getByRole("dialog", { name: `Delete ${name} for good?` })
      .getByRole("button", { name: "Delete permanently" })
      .click();
    await expect(vaultItem(val, name)).toHaveCount(0);
  }
  await expect(val.getByText("The trash is empty.")).toBeVisible();
  await wes.reload();
  await expect(wes.getByText("There are no items to list.")).toBeVisible();
});
