import { expect, test } from "@playwright/test";
import { logIn, newPage, registerFromLink, uniqueEmail } from "./helpers";
import { CONFIRM } from "./support/baseline-tenants";

/**
 * Issue 16 part 1: Demo MSP's dashboard shows its figures and charts; a client's owner who accepted their invitation
 * shows up as a member to confirm, without two-step login. The spec makes its own client so that other specs working
 * in Demo MSP at the same time cannot change what it reads.
 */
test("the dashboard shows the clients' figures and charts, and a newly accepted owner to confirm", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const clinic = `Dash Clinic ${Date.now().toString(36)}`;
  const owner = { name: "Cleo Clinic", email: uniqueEmail("clinic-owner"), password: "cleo clinic master password" };

  await logIn(page, "admin@demo-msp.example");
  await page.goto("/providers");
  await page.getByRole("link", { name: "Demo MSP" }).click();
  const portal = page.getByRole("navigation", { name: "Provider Portal" });
  await portal.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  const figures = page.getByRole("region", { name: "Figures" });
  await expect(figures.getByRole("link", { name: /^Clients \d+$/ })).toBeVisible();
  await expect(figures.getByRole("link", { name: /^Without two-step login \d+ of \d+ members$/ })).toBeVisible();
  // The charts draw (an SVG each) and say the same in a table for screen readers.
  const seats = page.getByRole("figure").filter({ hasText: "Seats per client (most assigned)" });
  await expect(seats.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(seats.getByRole("table")).toContainText("My Client's Organization");
  const twoStep = page.getByRole("figure").filter({ hasText: "Two-step login per client (lowest first)" });
  await expect(twoStep.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // A chart takes its box's new width a frame after a resize; until then its old, wider drawing must not widen a
  // phone's page (the accessibility walk once measured it in that frame).
  await page.setViewportSize({ width: 390, height: 844 });
  const pageWidth = await page.evaluate(() => {
    for (const chart of document.querySelectorAll(".recharts-wrapper > svg")) chart.setAttribute("width", "900");
    return document.documentElement.scrollWidth;
  });
  expect(pageWidth).toBe(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // A new client whose owner accepts the invitation and waits for confirmation.
  await portal.getByRole("link", { name: "Clients" }).click();
  await page.getByRole("button", { name: "Add" }).click();
  await page.getByRole("menuitem", { name: "New client" }).click();
  const create = page.getByRole("dialog", { name: "New client" });
  await create.getByLabel("Organization name").fill(clinic);
  await create.getByLabel("Client owner email").fill(owner.email);
  await create.getByLabel("Plan").selectOption({ label: "Teams" });
  await create.getByLabel("Seats").fill("3");
  await create.getByRole("button", { name: "Create client" }).click();
  await expect(create).toBeHidden();

  const invitee = await newPage(browser);
  await registerFromLink(invitee, owner, { subject: `Join ${clinic} on Keyhouse` });
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee.getByRole("heading", { name: "All vaults" })).toBeVisible();

  await portal.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(figures.getByRole("link", { name: /^Awaiting confirmation [1-9]/ })).toBeVisible();
  const attention = page.getByRole("table", { name: "Clients that need attention" });
  const row = attention.getByRole("row").filter({ has: page.getByRole("rowheader", { name: clinic }) });
  await expect(row.getByRole("cell")).toHaveText(["1", "1 of 1", "1 of 3"]);
  // The client's name leads to it in the clients table.
  await row.getByRole("link", { name: clinic }).click();
  await expect(page).toHaveURL(/\/clients\?q=Dash\+Clinic/);
  await expect(page.getByRole("rowheader", { name: clinic })).toContainText("1 member needs confirmation");
});

test("members waiting in any client are confirmed from the dashboard, after their fingerprint phrases", async ({
  page,
}) => {
  const { provider, client } = CONFIRM;
  await logIn(page, provider.admin.email, provider.admin.password);
  await page.goto("/providers");
  await page.getByRole("link", { name: provider.name }).click();
  await page.getByRole("navigation", { name: "Provider Portal" }).getByRole("link", { name: "Dashboard" }).click();
  const figures = page.getByRole("region", { name: "Figures" });
  await expect(figures.getByRole("link", { name: /^Awaiting confirmation 1 / })).toBeVisible();
  // A month of the usage ledger (e2e/support/e2e-database.ts) draws as lines, and as a table for screen readers.
  const usage = page.getByRole("figure").filter({ hasText: "Seats over the last 90 days" });
  await expect(usage.locator(".recharts-line").first()).toBeVisible();
  await expect(usage.getByRole("table").getByRole("row")).toHaveCount(32);
  const waiting = page.getByRole("table", { name: "Members awaiting confirmation" });
  await expect(waiting.getByRole("row").filter({ hasText: client.member.email })).toContainText(client.name);

  await page.getByRole("button", { name: "Confirm 1 member" }).click();
  const dialog = page.getByRole("dialog", { name: `Confirm ${client.member.email}` });
  await expect(dialog.getByText("Fingerprint phrase", { exact: true })).toBeVisible();
  await expect(dialog.getByText(/^\w+(-\w+){4,}$/)).toBeVisible();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${client.member.email} is confirmed.` })).toBeVisible();
  await expect(waiting).toBeHidden();
  await expect(figures.getByRole("link", { name: /^Awaiting confirmation 0 / })).toBeVisible();
});
