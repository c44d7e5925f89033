import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { logIn, newPage, vaultItem } from "./helpers";
import { marked } from "./support/plaintext-marker";
import { OWN_ACCOUNTS } from "./support/seeded-people";

/** Issue 12: a file attached in the web vault is encrypted in the browser, and comes back whole when downloaded. */
test("the web vault attaches a file to an item, downloads it decrypted, and deletes it after a confirmation", async ({
  browser,
}) => {
  const person = OWN_ACCOUNTS.attachments;
  const page = await newPage(browser);
  await logIn(page, person.email, person.password);
  const itemName = marked("With a file");
  await page.getByRole("button", { name: "New item" }).click();
  await page.getByRole("menuitem", { name: "Login", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^New login/ });
  await dialog.getByLabel("Name", { exact: true }).fill(itemName);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await vaultItem(page, itemName).click();

  const attachments = page.getByRole("region", { name: "Attachments" });
  await expect(attachments).toContainText("No attachments.");
  const fileName = `${marked("hello")}.txt`;
  const content = marked("the bytes of a file");
  await attachments.getByLabel("Add attachment").setInputFiles({
    name: fileName,
    mimeType: "text/plain",
    buffer: Buffer.from(content),
  });
  await expect(attachments).toContainText(fileName);

  const downloading = page.waitForEvent("download");
  await attachments.getByRole("button", { name: `Download ${fileName}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);
  expect(readFileSync((await download.path())!, "utf8")).toBe(content);

  await attachments.getByRole("button", { name: `Delete ${fileName}` }).click();
  await page
    .getByRole("dialog", { name: `Delete ${fileName}?` })
    .getByRole("button", { name: "Delete attachment" })
    .click();
  await expect(attachments).toContainText("No attachments.");
});
