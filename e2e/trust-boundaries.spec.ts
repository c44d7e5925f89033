import { expect, type Page, test } from "@playwright/test";
import { alertWith, logIn, newPage } from "./helpers";

/**
 * Issue 8's trust boundaries as people meet them: a service user cannot make themselves a member of a client (and
 * the client's owner hears about what the provider did change); the provider's internal organization is never
 * offered as a client, and adding any organization asks first, showing the seats it will bill.
 */
const CLIENT = "Third Client's Organization";
const PROVIDER_MEMBER_REFUSAL =
  "Acting for the provider, you cannot invite, confirm, restore, change or give access to members of your provider in a client.";

async function openDemoProvider(page: Page): Promise<string> {
  await page.goto("/providers");
  await page.getByRole("link", { name: "Demo MSP" }).click();
  await expect(page.getByRole("heading", { name: "Clients" })).toBeVisible();
  return page.url().replace(/\/clients.*$/, "");
}

async function inviteInDialog(page: Page, email: string, role: string) {
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite members" });
  await dialog.getByLabel("Email addresses").fill(email);
  await dialog.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
  await dialog.getByRole("button", { name: "Invite" }).click();
  return dialog;
}

test("a service user cannot make themselves a member of a client, and the client's owner is told what the provider changed", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tech = await newPage(browser);
  await logIn(tech, "tech@demo-msp.example");
  await openDemoProvider(tech);
  await tech.getByRole("link", { name: CLIENT }).click();
  await expect(tech.getByRole("heading", { name: CLIENT })).toBeVisible();
  await tech.getByRole("navigation", { name: "Admin Console" }).getByRole("link", { name: "Members" }).click();

  const refused = await inviteInDialog(tech, "tech@demo-msp.example", "Admin");
  await expect(alertWith(tech, PROVIDER_MEMBER_REFUSAL)).toBeVisible();
  await refused.getByRole("button", { name: "Cancel" }).click();
  await expect(tech.getByRole("row").filter({ hasText: "tech@demo-msp.example" })).toHaveCount(0);

  const staff = `front-desk-${Date.now().toString(36)}@client3.example`;
  const invited = await inviteInDialog(tech, staff, "User");
  await expect(invited).toBeHidden();
  await expect(tech.getByRole("row").filter({ hasText: staff })).toContainText("Invited");

  const owner = await newPage(browser);
  await owner.goto("/dev/mailbox");
  const mail = owner
    .getByRole("row")
    .filter({ hasText: "owner@client3.example" })
    .filter({ hasText: `Demo MSP changed the members of ${CLIENT}` });
  await mail.getByRole("link").first().click();
  await expect(owner.getByText(`invited ${staff} as a user`)).toBeVisible();
  await expect(owner.getByText("tech@demo-msp.example, acting for your provider Demo MSP")).toBeVisible();
});

test("the provider's internal organization is never offered as a client, and adding one shows what it bills", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const spare = `Spare Org ${Date.now().toString(36)}`;
  await logIn(page, "admin@demo-msp.example");
  await page.getByRole("link", { name: "New organization" }).click();
  await page.getByLabel("Organization name").fill(spare);
  await page.getByLabel("Plan").selectOption({ label: "Enterprise (monthly)" });
  await page.getByLabel("Seats").fill("4");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: spare })).toBeVisible();

  const providerUrl = await openDemoProvider(page);
  await page.getByRole("button", { name: "Add" }).click();
  await page.getByRole("menuitem", { name: "Existing organization" }).click();
  const dialog = page.getByRole("dialog", { name: "Add existing organization" });
  await expect(dialog.getByText(spare)).toBeVisible();
  await expect(dialog.getByText("Demo MSP Internal")).toHaveCount(0);
  await dialog.getByRole("button", { name: `Add ${spare}` }).click();
  const confirm = page.getByRole("dialog", { name: `Add ${spare} as a client?` });
  await expect(confirm.getByText(/billed for its 4 seats on the Enterprise plan/)).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Add and bill 4 seats" })).toBeVisible();
  await confirm.getByRole("button", { name: "Back" }).click();
  await expect(dialog.getByText(spare)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.goto(`${providerUrl}/settings`);
  const internal = page.getByLabel("Internal organization");
  await expect(internal.locator("option:checked")).toHaveText("Demo MSP Internal");
});
