import { expect, type Page, test } from "@playwright/test";
import { newPage, registerFromLink, registerOrLogIn, uniqueEmail, vaultItem } from "./helpers";
import { marked } from "./support/plaintext-marker";

/**
 * Issue 4's acceptance path in the Admin Console, as people take it: a user creates an organization, invites three
 * members with different roles, they accept and are confirmed, items arrive in two collections, a group and a
 * direct grant give a User exactly two collections — one "can view, except passwords" — and revoking frees a seat.
 */
const stamp = Date.now().toString(36);
const ORGANIZATION = `Acme ${stamp}`;
const person = (role: string) => ({
  email: uniqueEmail(`acme-${role}`),
  name: `Acme ${role}`,
  password: `acme ${role} master password`,
});
const OWNER = person("owner");
const ADMIN = person("admin");
const USER = person("user");
const CUSTOM = person("custom");
// Secrets carry the plaintext marker: the scan after the run must find none of them in the database.
const FINANCE = marked("Finance");
const IT = marked("IT");
const PAYROLL = { name: marked("Payroll"), username: marked("pay@acme.example"), password: marked("Payroll-Pass-1") };
const FIREWALL = { name: marked("Firewall"), username: marked("fw-admin"), password: marked("Firewall-Pass-2") };

async function openConsoleSection(page: Page, organizationUrl: string, section: string) {
  await page.goto(organizationUrl);
  await page.getByRole("navigation", { name: "Admin Console" }).getByRole("link", { name: section }).click();
}

async function importCsv(page: Page, organizationUrl: string, collection: string, csv: string) {
  await openConsoleSection(page, organizationUrl, "Settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Import data" }).click();
  await page.getByLabel("File format").selectOption({ label: "Chrome or Edge (csv)" });
  await page.getByLabel("Or paste the file's contents").fill(csv);
  await expect(page.getByLabel("Collection")).toBeEnabled();
  await page.getByLabel("Collection").selectOption({ label: collection });
  await page.getByRole("button", { name: "Import data" }).click();
  await expect(page.getByText(/1 imported/)).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test("organization → members with three roles → group and collection access → a User's view → revoke frees a seat", async ({
  browser,
}) => {
  test.setTimeout(300_000);

  // A user creates an organization from the vault.
  const owner = await newPage(browser);
  await registerOrLogIn(owner, OWNER);
  await owner.getByRole("link", { name: "New organization" }).click();
  await owner.getByLabel("Organization name").fill(ORGANIZATION);
  await owner.getByLabel("Plan").selectOption({ label: "Teams (monthly)" });
  await owner.getByLabel("Seats").fill("4");
  await owner.getByRole("button", { name: "Create organization" }).click();
  await expect(owner.getByRole("heading", { name: ORGANIZATION })).toBeVisible();
  const organizationUrl = owner.url().replace(/\/overview$/, "");

  // Two collections.
  for (const name of [FINANCE, IT]) {
    await openConsoleSection(owner, organizationUrl, "Collections");
    await owner.getByRole("button", { name: "New collection" }).click();
    const dialog = owner.getByRole("dialog", { name: "New collection" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(owner.getByRole("rowheader", { name })).toBeVisible();
  }

  // Three members with different roles.
  for (const [invitee, role] of [
    [ADMIN, "Admin"],
    [USER, "User"],
    [CUSTOM, "Custom"],
  ] as const) {
    await openConsoleSection(owner, organizationUrl, "Members");
    await owner.getByRole("button", { name: "Invite member" }).click();
    const dialog = owner.getByRole("dialog", { name: "Invite members" });
    await dialog.getByLabel("Email addresses").fill(invitee.email);
    await dialog.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
    if (role === "Custom") await dialog.getByRole("checkbox", { name: "Manage groups" }).check();
    // Collections exist: the empty list means none is chosen yet, not that there are none.
    if (role === "User") {
      const collections = dialog.getByRole("group", { name: "Collections" });
      await expect(collections.getByText("None chosen yet.")).toBeVisible();
      await expect(dialog.getByText("No collections yet.")).toHaveCount(0);
    }
    await dialog.getByRole("button", { name: "Invite" }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(owner.getByText("4 of 4 seats in use.")).toBeVisible();

  // They accept, creating their accounts on the way...
  const pages = new Map<string, Page>();
  for (const invitee of [ADMIN, USER, CUSTOM]) {
    const page = await newPage(browser);
    await registerFromLink(page, invitee, { subject: `Join ${ORGANIZATION} on Keyhouse` });
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page.getByRole("heading", { name: "All vaults" })).toBeVisible();
    pages.set(invitee.email, page);
  }

  // ...and the owner confirms all three at once.
  await owner.goto(`${organizationUrl}/members?filter=accepted`);
  await owner.getByLabel("Select all members").check();
  await owner.getByRole("button", { name: "Confirm selected" }).click();
  const confirm = owner.getByRole("dialog", { name: "Confirm 3 members" });
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm).toBeHidden();

  // Items arrive in each collection.
  const csv = (item: typeof PAYROLL, site: string) =>
    `name,url,username,password,note\n${item.name},https://${site}.acme.example,${item.username},${item.password},\n`;
  await importCsv(owner, organizationUrl, FINANCE, csv(PAYROLL, "payroll"));
  await importCsv(owner, organizationUrl, IT, csv(FIREWALL, "fw"));

  // A group gives the User "IT"; a direct grant gives them "Finance", without passwords.
  await openConsoleSection(owner, organizationUrl, "Groups");
  await owner.getByRole("button", { name: "New group" }).click();
  const group = owner.getByRole("dialog", { name: "New group" });
  await group.getByLabel("Name").fill("IT staff");
  await group.getByRole("checkbox", { name: new RegExp(USER.email) }).check();
  await group.getByLabel("Add", { exact: true }).selectOption({ label: IT });
  await group.getByRole("button", { name: "Save" }).click();
  await expect(group).toBeHidden();

  await openConsoleSection(owner, organizationUrl, "Members");
  await owner.getByRole("button", { name: `Options for ${USER.email}` }).click();
  await owner.getByRole("menuitem", { name: "Edit access" }).click();
  const access = owner.getByRole("dialog", { name: `Access of ${USER.email}` });
  await access.getByLabel("Add", { exact: true }).selectOption({ label: FINANCE });
  await access.getByLabel(`Access of ${FINANCE}`).selectOption({ label: "Can view, except passwords" });
  await access.getByRole("button", { name: "Save" }).click();
  await expect(access).toBeHidden();

  // The User sees exactly those two collections; "view except passwords" hides Payroll's password.
  const user = pages.get(USER.email)!;
  await user.goto("/vault");
  const filters = user.getByRole("navigation", { name: "Vault filters" });
  await expect(filters.getByRole("button", { name: FINANCE })).toBeVisible();
  await expect(filters.getByRole("button", { name: IT })).toBeVisible();
  await expect(filters.getByRole("button", { name: "Default collection" })).toHaveCount(0);
  await vaultItem(user, PAYROLL.name).click();
  await expect(user.getByText("Hidden: you may use this item but not see its password.")).toBeVisible();
  await vaultItem(user, FIREWALL.name).click();
  await user.getByRole("button", { name: "Show password" }).click();
  await expect(user.getByTestId("item-password")).toHaveText(FIREWALL.password);

  // Revoking the User frees a seat.
  await openConsoleSection(owner, organizationUrl, "Members");
  await owner.getByRole("button", { name: `Options for ${USER.email}` }).click();
  await owner.getByRole("menuitem", { name: "Revoke access" }).click();
  await owner
    .getByRole("dialog", { name: `Revoke ${USER.email}?` })
    .getByRole("button", { name: "Revoke access" })
    .click();
  await expect(owner.getByText("3 of 4 seats in use.")).toBeVisible();
  await user.reload();
  await expect(user.getByText("There are no items to list.")).toBeVisible();
  await expect(vaultItem(user, PAYROLL.name)).toHaveCount(0);
});
