import { expect, type Page, test } from "@playwright/test";
import { logIn, newPage } from "./helpers";
import { MOVE } from "./support/client-move-tenants";

/**
 * Issue 15's third acceptance path: Willow Dental, a client of Demo MSP (seeded before the server starts), moves to
 * Harbor IT. Harbor IT's admin issues a move code; Willow Dental's owner enters it in Settings → Provider; Demo MSP
 * hears of it; Harbor IT's admin completes it, their browser re-wrapping the organization key with Harbor IT's key.
 * Then Harbor IT's admin and service user open the client and read its collection's name, decrypted (the service
 * user through the provider key their confirmation gave them); Demo MSP's members get a 404;
 * the seats leave Demo MSP's bill for Harbor IT's.
 */

async function openProvider(page: Page, name: string) {
  await page.goto("/providers");
  await page.getByRole("link", { name }).click();
  const tabs = page.getByRole("navigation", { name: "Provider Portal" });
  await expect(tabs).toBeVisible();
  return tabs;
}

/** From the provider's Clients page: opens Willow Dental's console and reads its collection's name, decrypted. */
async function readWillowCollections(page: Page) {
  await page
    .getByRole("table", { name: `Clients of ${MOVE.provider.name}` })
    .getByRole("link", { name: MOVE.client.name })
    .click();
  await page.getByRole("navigation", { name: "Admin Console" }).getByRole("link", { name: "Collections" }).click();
  await expect(page.getByRole("heading", { name: "Collections", level: 1 })).toBeVisible();
  await expect(page.getByText("Default collection")).toBeVisible();
}

/** The Enterprise row of the provider's Billing page: minimum, allocated, purchased, price, cost. */
async function enterpriseBilling(page: Page, provider: string) {
  const tabs = await openProvider(page, provider);
  await tabs.getByRole("link", { name: "Billing" }).click();
  await expect(page.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
  return page.getByRole("row", { name: /^Enterprise/ }).getByRole("cell");
}

test("a client moves from Demo MSP to Harbor IT with a move code; Demo MSP is out, the seats move", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const demoAdmin = await newPage(browser);
  await logIn(demoAdmin, "admin@demo-msp.example");
  // Demo MSP's seed: minimum 10; allocated 3 + 3 + 2 for the demo's clients and 2 for Willow Dental.
  await expect(await enterpriseBilling(demoAdmin, "Demo MSP")).toHaveText(["10", "10", "0", "$6.00", "$60.00"]);
  await expect(demoAdmin.getByRole("row", { name: /^Teams/ }).getByRole("cell")).toHaveText([
    "0",
    "0",
    "0",
    "$4.00",
    "$0.00",
  ]);
  const tabs = await openProvider(demoAdmin, "Demo MSP");
  await tabs.getByRole("link", { name: "Clients" }).click();
  const willowLink = demoAdmin.getByRole("table", { name: "Clients of Demo MSP" }).getByRole("link", {
    name: MOVE.client.name,
  });
  const willowPath = (await willowLink.getAttribute("href"))!;
  expect(willowPath).toMatch(/^\/organizations\/[0-9a-f-]{36}$/);

  const harbor = await newPage(browser);
  await logIn(harbor, MOVE.provider.admin.email, MOVE.provider.admin.password);
  let code = "";
  await test.step("Harbor IT's admin issues a move code", async () => {
    await openProvider(harbor, MOVE.provider.name);
    await expect(harbor.getByText("No move codes yet.")).toBeVisible();
    await harbor.getByRole("button", { name: "Issue a move code" }).click();
    const dialog = harbor.getByRole("dialog", { name: "Move code" });
    code = await dialog.getByRole("textbox", { name: "Code" }).inputValue();
    expect(code).toMatch(/^KHMOVE-[0-9a-f]{32}-[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(harbor.getByRole("table", { name: "Move codes" })).toContainText("Waiting for an owner to enter it");
  });

  await test.step("Willow Dental's owner enters it; a mistyped code is refused first", async () => {
    const owner = await newPage(browser);
    await logIn(owner, MOVE.client.owner.email, MOVE.client.owner.password);
    await owner.getByRole("button", { name: /Switch product/ }).click();
    await owner.getByRole("navigation", { name: "Products" }).getByRole("link", { name: MOVE.client.name }).click();
    await owner.getByRole("navigation", { name: "Admin Console" }).getByRole("link", { name: "Settings" }).click();
    await owner
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", { name: "Provider", exact: true })
      .click();
    await expect(owner.getByRole("heading", { name: "Provider", level: 1 })).toBeVisible();
    await expect(owner.getByText(`Demo MSP manages ${MOVE.client.name}.`)).toBeVisible();

    // The same form, but one character of the secret changed: the server's check refuses it.
    const at = code.length - 10;
    const mistyped = code.slice(0, at) + (code[at] === "A" ? "B" : "A") + code.slice(at + 1);
    await owner.getByLabel("Move code").fill(mistyped);
    await owner.getByRole("button", { name: `Move ${MOVE.client.name}` }).click();
    await expect(owner.getByText("This move code is not valid")).toBeVisible();
    await owner.getByLabel("Move code").fill(code);
    await owner.getByRole("button", { name: `Move ${MOVE.client.name}` }).click();
    await expect(owner.getByText(`Moving to ${MOVE.provider.name}`)).toBeVisible();
  });

  await test.step("Harbor IT's admin completes the move", async () => {
    await harbor.reload();
    const moves = harbor.getByRole("table", { name: "Move codes" });
    await expect(moves).toContainText(`${MOVE.client.name} entered it, leaving Demo MSP`);
    await harbor.getByRole("button", { name: `Complete move: ${MOVE.client.name}` }).click();
    await expect(harbor.getByText("The organization is now your client.")).toBeVisible();
    await expect(moves).toContainText(`${MOVE.client.name} moved here`);
  });

  await test.step("Harbor IT's admin and service user open the client and read its collections", async () => {
    await readWillowCollections(harbor);
    const harborTech = await newPage(browser);
    await logIn(harborTech, MOVE.provider.technician.email, MOVE.provider.technician.password);
    const techTabs = await openProvider(harborTech, MOVE.provider.name);
    await techTabs.getByRole("link", { name: "Clients" }).click();
    await readWillowCollections(harborTech);
  });

  await test.step("Demo MSP's members get a 404; the seats moved", async () => {
    for (const path of [willowPath, `${willowPath}/members`, `${willowPath}/settings/info`])
      expect((await demoAdmin.goto(path))?.status(), path).toBe(404);
    await expect(await enterpriseBilling(demoAdmin, "Demo MSP")).toHaveText(["10", "8", "0", "$6.00", "$60.00"]);
    await expect(await enterpriseBilling(harbor, MOVE.provider.name)).toHaveText(["10", "2", "0", "$6.00", "$60.00"]);
    const tech = await newPage(browser);
    await logIn(tech, "tech@demo-msp.example");
    expect((await tech.goto(willowPath))?.status()).toBe(404);
  });
});
