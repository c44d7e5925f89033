import { type Browser, expect, type Page, test } from "@playwright/test";
import { logIn, newPage } from "./helpers";
import { keyMaterial } from "./support/api-session";

/**
 * The generator as a client member uses it: passwords and passphrases, options, copying (and the clipboard
 * cleared again), the tab's history; then the owner of their organization sets a password generator policy
 * and the member's generator obeys it. This spec is the only one that sets client 1's generator policy.
 */

const MEMBER = "user@client1.example";
const OWNER = "owner@client1.example";

async function personPage(browser: Browser, email: string): Promise<Page> {
  const page = await newPage(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  await logIn(page, email);
  return page;
}

const generated = (page: Page, noun: "password" | "passphrase") => page.getByLabel(`Generated ${noun}`);
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const history = (page: Page) => page.getByRole("region", { name: "Generator history" }).getByRole("listitem");

test("a member generates, copies and finds the history; an organization policy then binds the generator", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const member = await personPage(browser, MEMBER);
  await member.goto("/generator");
  await expect(member.getByRole("heading", { name: "Generator", exact: true })).toBeVisible();

  await test.step("a default password: 14 letters and numbers", async () => {
    await expect(generated(member, "password")).toHaveText(/^[A-Za-z0-9]{14}$/);
    await expect(member.getByText("Your organization's policy applies")).toHaveCount(0);
  });

  await test.step("changing options generates anew", async () => {
    await member.getByLabel("Length").fill("24");
    await expect(generated(member, "password")).toHaveText(/^.{24}$/);
    await member.getByRole("checkbox", { name: /^Special characters/ }).check();
    await member.getByLabel("Minimum special characters").fill("3");
    await expect(generated(member, "password")).toHaveText(/^(?=(?:.*[!@#$%^&*]){3}).{24}$/);
    const before = await generated(member, "password").textContent();
    await member.getByRole("button", { name: "Regenerate password" }).click();
    await expect(generated(member, "password")).not.toHaveText(before!);
  });

  await test.step("copying puts the password on the clipboard and in the history", async () => {
    const password = (await generated(member, "password").textContent())!;
    await member.getByRole("button", { name: "Copy password" }).click();
    await expect(member.getByRole("status").filter({ hasText: "Password copied." })).toBeVisible();
    expect(await clipboard(member)).toBe(password);
    await expect(history(member)).toHaveCount(1);
    await expect(history(member).first()).toContainText(password);
  });

  await test.step("the history stays for the tab; the clipboard delay is this device's setting", async () => {
    // What the clipboard setting stores (components/vault-tools/clipboard-settings.tsx), read on the next load.
    await member.evaluate(() => localStorage.setItem("keyhouse.clipboard.clearAfterSeconds", "10"));
    await member.reload();
    await expect(history(member)).toHaveCount(1);
  });

  await test.step("a passphrase with its own options", async () => {
    await member.getByRole("radio", { name: "Passphrase" }).check();
    await expect(generated(member, "passphrase")).toHaveText(/^[a-z]+(-[a-z]+){5}$/);
    await member.getByLabel("Number of words").fill("4");
    await member.getByLabel("Word separator").fill("_");
    await member.getByRole("checkbox", { name: "Capitalize" }).check();
    await member.getByRole("checkbox", { name: "Include number" }).check();
    await expect(generated(member, "passphrase")).toHaveText(/^[A-Z][a-z]+\d?(_[A-Z][a-z]+\d?){3}$/);
    await expect(generated(member, "passphrase")).toHaveText(/\d/);
  });

  await test.step("a copy is cleared from the clipboard after the device's delay", async () => {
    const passphrase = (await generated(member, "passphrase").textContent())!;
    await member.getByRole("button", { name: "Copy passphrase" }).click();
    await expect(
      member
        .getByRole("status")
        .filter({ hasText: "Passphrase copied. It is cleared from the clipboard in 10 seconds." }),
    ).toBeVisible();
    expect(await clipboard(member)).toBe(passphrase);
    await expect(history(member)).toHaveCount(2);
    await expect(history(member).first()).toContainText(passphrase);
    await expect.poll(() => clipboard(member), { timeout: 20_000 }).toBe("");
  });

  await test.step("the history can be cleared", async () => {
    await member.getByRole("button", { name: "Clear history" }).click();
    await expect(member.getByText("Nothing yet.")).toBeVisible();
  });

  await test.step("the owner requires passwords of 30 characters with special characters", async () => {
    const owner = await personPage(browser, OWNER);
    const organizationId = (await keyMaterial(owner.request)).organizations.find(
      (organization) => organization.name === "My Client's Organization",
    )!.id;
    await owner.goto(`/organizations/${organizationId}/settings/policies`);
    await owner.getByRole("button", { name: "Edit Password generator" }).click();
    const dialog = owner.getByRole("dialog", { name: "Password generator" });
    await dialog.getByRole("switch", { name: "Turn on" }).check();
    await dialog.getByLabel("Minimum length").fill("30");
    await dialog.getByRole("checkbox", { name: /^Special characters/ }).check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(owner.getByRole("status").filter({ hasText: "Password generator is on." })).toBeVisible();
    await owner.context().close();
  });

  await test.step("the member's generator now makes at least 30 characters with a special one, and says why", async () => {
    await member.goto("/generator");
    await member.getByRole("radio", { name: "Password" }).check();
    const note = member.getByRole("status").filter({ hasText: "Your organization's policy applies" });
    await expect(note).toContainText("At least 30 characters");
    await expect(note).toContainText("Special characters (!@#$%^&*)");
    await expect(member.getByRole("checkbox", { name: /^Special characters/ })).toBeChecked();
    await expect(member.getByRole("checkbox", { name: /^Special characters/ })).toBeDisabled();
    for (let round = 0; round < 3; round++) {
      await expect(generated(member, "password")).toHaveText(/^(?=.*[!@#$%^&*]).{30,}$/);
      await member.getByRole("button", { name: "Regenerate password" }).click();
    }
    // Below the minimum is refused; the field shows the policy's bound.
    await member.getByLabel("Length").fill("12");
    await expect(member.getByLabel("Length")).toHaveAccessibleDescription(/Enter a whole number from 30 to 128\./);
    await expect(generated(member, "password")).toHaveText(/^.{30,}$/);
  });
});
