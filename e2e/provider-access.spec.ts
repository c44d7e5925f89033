import { expect, type Page, test } from "@playwright/test";
import { followMailLink, logIn, newPage, vaultItem, vaultTable } from "./helpers";
import { ACCESS_TECH } from "./support/demo-msp-technicians";

/**
 * Issue 15's second acceptance path, in two browsers: a technician of Demo MSP asks My Client's Organization for its
 * items; its owner, led by the mail, denies, and the technician's vault shows nothing of the client. Asked again, the
 * owner approves for one hour, view only: the technician reads and copies a password (in the client's event log,
 * with the provider's name) and has no way to edit; when the hour is up on the page's clock, the items leave the page.
 * The owner's Provider access page lists who at Demo MSP reaches the client and who reads its items now.
 */
const CLIENT = "My Client's Organization";
const OWNER = "owner@client1.example";
const ITEM = "Accounting software";
const PASSWORD = "q7#Lm2$Vx9!pRt4z";
const ASKS_SUBJECT = `Demo MSP asks to read items of ${CLIENT}`;

async function openClientConsole(page: Page, section: string) {
  await page.goto("/providers");
  await page.getByRole("link", { name: "Demo MSP" }).click();
  await page.getByRole("table", { name: "Clients of Demo MSP" }).getByRole("link", { name: CLIENT }).click();
  await page.getByRole("navigation", { name: "Admin Console" }).getByRole("link", { name: section }).click();
  await expect(page.getByRole("heading", { name: section, level: 1 })).toBeVisible();
}

async function askForItems(page: Page, reason: string, duration: string) {
  await page.getByLabel("Access").selectOption({ label: "View only" });
  await page.getByLabel("For").selectOption({ label: duration });
  await page.getByLabel("Reason").fill(reason);
  await page.getByRole("button", { name: "Request access" }).click();
  await expect(page.getByText(`Your request was sent to ${CLIENT}'s owners and admins.`)).toBeVisible();
}

/** The owner's answer, from the mail's link to the Provider access page. */
async function openRequestFromMail(page: Page, reason: string) {
  await followMailLink(page, { to: OWNER, subject: ASKS_SUBJECT });
  await expect(page.getByRole("heading", { name: "Provider access", level: 1 })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: reason });
  await expect(row).toContainText("Waiting for approval");
  return row;
}

test("a client's owner denies, then approves an hour of read-only access; it ends on time", async ({ browser }) => {
  test.setTimeout(120_000);
  const tech = await newPage(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  await logIn(tech, ACCESS_TECH.email, ACCESS_TECH.password);
  await expect(vaultTable(tech).getByText(ITEM)).toHaveCount(0);
  await openClientConsole(tech, "Provider access");
  await expect(tech.getByText("No requests yet.")).toBeVisible();
  await askForItems(tech, "Printer setup", "1 hour");
  await expect(tech.getByRole("table", { name: "Your requests" })).toContainText("Waiting for approval");

  const owner = await newPage(browser);
  await logIn(owner, OWNER);

  await test.step("a denied request shows nothing", async () => {
    const row = await openRequestFromMail(owner, "Printer setup");
    await expect(row).toContainText(ACCESS_TECH.email);
    await row.getByRole("button", { name: `Deny request from ${ACCESS_TECH.email}` }).click();
    const confirm = owner.getByRole("dialog", { name: `Deny the request from ${ACCESS_TECH.email}?` });
    await confirm.getByRole("button", { name: "Deny request" }).click();
    await expect(row).toContainText(`Denied by ${OWNER}`);

    await tech.reload();
    await expect(tech.getByRole("table", { name: "Your requests" })).toContainText(`Denied by ${OWNER}`);
    await tech.goto("/vault");
    await expect(tech.getByRole("heading", { name: "All vaults" })).toBeVisible();
    await expect(vaultTable(tech).getByText(ITEM)).toHaveCount(0);
    await expect(tech.getByText(`${CLIENT} lets you`)).toHaveCount(0);
  });

  await test.step("asked for 4 hours to edit, the owner grants 1 hour of viewing", async () => {
    await openClientConsole(tech, "Provider access");
    await tech.getByLabel("Access").selectOption({ label: "Can edit" });
    await tech.getByLabel("For").selectOption({ label: "4 hours" });
    await tech.getByLabel("Reason").fill("Payroll migration");
    await tech.getByRole("button", { name: "Request access" }).click();
    await expect(tech.getByText(`Your request was sent to ${CLIENT}'s owners and admins.`)).toBeVisible();

    const row = await openRequestFromMail(owner, "Payroll migration");
    await expect(row).toContainText("Can edit, 4 hours");
    await row.getByRole("button", { name: `Approve request from ${ACCESS_TECH.email}` }).click();
    const approve = owner.getByRole("dialog", { name: `Approve access for ${ACCESS_TECH.email}` });
    await approve.getByLabel("Access").selectOption({ label: "View only" });
    await approve.getByLabel("For").selectOption({ label: "1 hour" });
    await approve.getByRole("button", { name: "Approve" }).click();
    await expect(approve).toBeHidden();
    await expect(row).toContainText("View only until");
    // Who at the provider reaches the client, and who reads its items now.
    const reach = owner.getByRole("table", { name: `Members of Demo MSP who reach ${CLIENT}` });
    await expect(reach.getByRole("row").filter({ hasText: "admin@demo-msp.example" })).toContainText(
      "Provider admin (every client)",
    );
    const techRow = reach.getByRole("row").filter({ hasText: ACCESS_TECH.email });
    await expect(techRow).toContainText("All clients");
    await expect(techRow).toContainText("View only until");
  });
  // The grant ends an hour after this, by the server's clock (the same machine's).
  const approvedAt = Date.now();

  await test.step("the technician reads and copies a password, and cannot edit", async () => {
    // The page's clock starts two minutes before the hour is up, so the end comes without an hour's wait.
    await tech.clock.install({ time: approvedAt + 58 * 60_000 });
    await tech.goto("/vault");
    await expect(tech.getByText(`${CLIENT} lets you view its items until`)).toBeVisible();
    await vaultItem(tech, ITEM).click();
    const panel = tech.getByRole("complementary", { name: "Item details" });
    await expect(panel.getByText(`Login · ${CLIENT}`)).toBeVisible();
    await panel.getByRole("button", { name: "Copy password" }).click();
    expect(await tech.evaluate(() => navigator.clipboard.readText())).toBe(PASSWORD);
    await expect(panel.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(panel.getByRole("button", { name: "Delete" })).toHaveCount(0);
  });

  await test.step("the client's event log, filtered to provider members, names the technician and the provider", async () => {
    await owner.getByRole("link", { name: "See what provider members did here" }).click();
    await expect(owner.getByRole("heading", { name: "Event logs", level: 1 })).toBeVisible();
    await expect(owner.getByLabel("Done by")).toHaveValue("provider");
    const copied = owner.getByRole("row").filter({ hasText: "Copied an item's password" }).first();
    await expect(copied).toContainText(ACCESS_TECH.email);
    await expect(copied).toContainText("Demo MSP");
    // The owner's own answers are not provider members' doing; with "Anyone" they are there.
    const approved = owner.getByRole("row").filter({ hasText: "Approved a provider member's access" });
    await expect(approved).toHaveCount(0);
    await owner.getByLabel("Done by").selectOption({ label: "Anyone" });
    await owner.getByRole("button", { name: "Show events" }).click();
    await expect(approved.first()).toContainText(OWNER);
  });

  await test.step("at the end of the hour the items leave the page", async () => {
    await tech.clock.fastForward("03:00");
    await expect(tech.getByText(`Your access to ${CLIENT}'s items ended.`)).toBeVisible();
    await expect(vaultTable(tech).getByText(ITEM)).toHaveCount(0);
  });
});
