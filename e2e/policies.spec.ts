import { expect, type Page, test } from "@playwright/test";
import { alertWith, followMailLink, logIn, newPage, registerFromLink, uniqueEmail } from "./helpers";
import { keyMaterial } from "./support/api-session";

/**
 * Organization policies as people meet them: the owner of the second client requires long master passwords and
 * single organization; a person invited there must register with a compliant password and check it again to
 * join, and then cannot join another organization. Another spec renames the second client, so it is reached by
 * id (its owner belongs to it alone) and its name is never asserted. The other organization is the provider's
 * internal one, which no other spec counts members of.
 */

const NEWCOMER = {
  email: uniqueEmail("policy-newcomer"),
  name: "Pia Policy",
  password: "a long and compliant master password",
};
const FOURTEEN_CHARACTERS = "fourteen-chars";

async function openPolicy(page: Page, organizationId: string, name: string) {
  await page.goto(`/organizations/${organizationId}/settings/policies`);
  await page.getByRole("button", { name: `Edit ${name}` }).click();
  return page.getByRole("dialog", { name });
}

async function inviteMember(page: Page, organizationId: string, email: string) {
  await page.goto(`/organizations/${organizationId}/members`);
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite members" });
  await dialog.getByLabel("Email addresses").fill(email);
  await dialog.getByRole("radio", { name: /^User/ }).check();
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog).toBeHidden();
}

test("master password requirements and single organization bind the people who join", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await logIn(page, "owner@client2.example");
  const client2 = (await keyMaterial(page.request)).organizations[0]!.id;

  await test.step("the owner requires master passwords of at least 20 characters", async () => {
    const dialog = await openPolicy(page, client2, "Master password requirements");
    await dialog.getByRole("switch", { name: "Turn on" }).check();
    const length = dialog.getByLabel("Minimum length");
    await length.fill("8");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(length).toHaveAccessibleDescription(/Minimum length must be at least 12\./);
    await length.fill("20");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Master password requirements is on." })).toBeVisible();
    await expect(
      page.getByRole("row", { name: /Master password requirements/ }).getByRole("cell", { name: "On", exact: true }),
    ).toBeVisible();
  });

  await inviteMember(page, client2, NEWCOMER.email);
  const newcomer = await newPage(browser);

  await test.step("the invited person cannot register with a 14-character master password", async () => {
    await registerFromLink(newcomer, { ...NEWCOMER, password: FOURTEEN_CHARACTERS }, { subject: "Join" });
    const password = newcomer.getByLabel("Master password", { exact: true });
    await expect(password).toHaveAccessibleDescription(/Use at least 20 characters\./);
    await expect(password).toHaveAccessibleDescription(/requires a master password with at least 20 characters/);
    await expect(newcomer.getByRole("heading", { name: "Create account" })).toBeVisible();
  });

  await test.step("with a compliant one they register, and check it again to join", async () => {
    await newcomer.getByLabel("Master password", { exact: true }).fill(NEWCOMER.password);
    await newcomer.getByLabel("Confirm master password").fill(NEWCOMER.password);
    await newcomer.getByRole("button", { name: "Create account" }).click();
    await expect(newcomer.getByRole("heading", { name: /^Join / })).toBeVisible();
    const check = newcomer.getByLabel("Master password");
    await check.fill(FOURTEEN_CHARACTERS);
    await newcomer.getByRole("button", { name: "Accept invitation" }).click();
    await expect(check).toHaveAccessibleDescription(/Use at least 20 characters\./);
    await check.fill(NEWCOMER.password);
    await newcomer.getByRole("button", { name: "Accept invitation" }).click();
    await expect(newcomer.getByRole("heading", { name: "All vaults" })).toBeVisible();
  });

  await test.step("the owner turns on single organization, after reading what it does", async () => {
    const dialog = await openPolicy(page, client2, "Single organization");
    await dialog.getByRole("switch", { name: "Turn on" }).check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByText("Members who already belong to other organizations stay members here")).toBeVisible();
    await dialog.getByRole("button", { name: "Turn on single organization" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Single organization is on." })).toBeVisible();
  });

  await test.step("the new member cannot accept an invitation to another organization", async () => {
    const admin = await newPage(browser);
    await logIn(admin, "admin@demo-msp.example");
    const internal = (await keyMaterial(admin.request)).organizations.find(
      (organization) => organization.name === "Demo MSP Internal",
    )!.id;
    await inviteMember(admin, internal, NEWCOMER.email);
    await followMailLink(newcomer, { to: NEWCOMER.email, subject: "Join Demo MSP Internal on Keyhouse" });
    await newcomer.getByRole("button", { name: "Accept invitation" }).click();
    await expect(
      alertWith(
        newcomer,
        "whose single organization policy does not allow its members to belong to any other organization.",
      ),
    ).toBeVisible();
  });
});
