import { expect, type Page, test } from "@playwright/test";
import { newPage, registerFromLink, registerOrLogIn, uniqueEmail } from "./helpers";

/**
 * Issue 3's acceptance path, each step through the UI as a person takes it: an operator creates a provider, its
 * owner sets it up from the mailed link, invites a service user and a second admin, confirms both after comparing
 * fingerprints, creates three clients, a client owner joins and is confirmed, and the service user opens that
 * client's Admin Console without seeing what is reserved to admins.
 */
const stamp = Date.now().toString(36);
const PROVIDER = `Flow MSP ${stamp}`;
const OPERATOR = {
  email: "operator3@keyhouse.test",
  name: "Third Operator",
  password: "third operator master password",
};
const OWNER = { email: uniqueEmail("flow-owner"), name: "Flo Owner", password: "flow owner master password" };
const TECH = { email: uniqueEmail("flow-tech"), name: "Ted Tech", password: "flow tech master password" };
const ADMIN2 = { email: uniqueEmail("flow-admin"), name: "Ada Admin", password: "flow admin master password" };
const CLIENT_OWNER = {
  email: uniqueEmail("client-a-owner"),
  name: "Cora Client",
  password: "client owner master password",
};
const CLIENTS = [
  { name: `Flow Client A ${stamp}`, seats: 3, owner: CLIENT_OWNER.email },
  { name: `Flow Client B ${stamp}`, seats: 3, owner: uniqueEmail("client-b-owner") },
  { name: `Flow Client C ${stamp}`, seats: 2, owner: uniqueEmail("client-c-owner") },
];

/** The text of the newest mail to `to` whose subject contains `subject`, as /dev/mailbox shows it. */
async function mailText(page: Page, to: string, subject: string): Promise<string> {
  await page.goto("/dev/mailbox");
  await page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first().getByRole("link").click();
  const text = page.locator("pre").first();
  await expect(text).toBeVisible();
  return (await text.textContent()) ?? "";
}

async function fingerprintOf(page: Page): Promise<string> {
  await page.goto("/settings");
  const phrase = page.getByTestId("fingerprint-phrase");
  await expect(phrase).toHaveText(/^[a-z-]+$/);
  return (await phrase.textContent())!;
}

test.describe.configure({ mode: "serial" });

test("operator → provider setup → members → clients → client owner → service user in the client's console", async ({
  browser,
}) => {
  test.setTimeout(300_000);

  // The operator creates the provider.
  const operator = await newPage(browser);
  await registerOrLogIn(operator, OPERATOR);
  await operator.goto("/admin");
  await operator.getByRole("button", { name: "New provider" }).click();
  const dialog = operator.getByRole("dialog", { name: "New provider" });
  await dialog.getByLabel("Provider name").fill(PROVIDER);
  await dialog.getByLabel("Owner email").fill(OWNER.email);
  await dialog.getByLabel("Enterprise seat minimum").fill("10");
  await dialog.getByRole("button", { name: "Create provider" }).click();
  await expect(dialog).toBeHidden();

  // The owner follows the setup mail, creates an account on the way, and sets the provider up.
  const owner = await newPage(browser);
  await registerFromLink(owner, OWNER, { subject: `Set up your provider ${PROVIDER} on Keyhouse` });
  await expect(owner.getByRole("heading", { name: "Set up your provider" })).toBeVisible();
  await expect(owner.getByLabel("Provider name")).toHaveValue(PROVIDER);
  await owner.getByLabel("Billing email").fill(`billing-${stamp}@flow.example`);
  await owner.getByRole("button", { name: "Set up provider" }).click();
  await expect(owner.getByRole("heading", { name: "Clients" })).toBeVisible();
  await expect(owner.getByText("No clients yet.")).toBeVisible();
  const providerUrl = owner.url().replace(/\/clients.*$/, "");

  // The owner invites a service user and a second admin.
  for (const [person, role] of [
    [TECH, "Service user"],
    [ADMIN2, "Provider admin"],
  ] as const) {
    await owner.getByRole("link", { name: "Members" }).click();
    await owner.getByRole("button", { name: "Invite member" }).click();
    const invite = owner.getByRole("dialog", { name: "Invite members" });
    await invite.getByLabel("Email addresses").fill(person.email);
    await invite.getByLabel("Role").selectOption({ label: role });
    await invite.getByRole("button", { name: "Invite" }).click();
    await expect(invite).toBeHidden();
    await expect(owner.getByRole("row").filter({ hasText: person.email })).toContainText("Invited");
  }

  // Both accept, each creating an account from their invitation.
  const tech = await newPage(browser);
  const admin2 = await newPage(browser);
  for (const [page, person] of [
    [tech, TECH],
    [admin2, ADMIN2],
  ] as const) {
    await registerFromLink(page, person, { subject: `Join ${PROVIDER} on Keyhouse` });
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page.getByRole("heading", { name: "Providers" })).toBeVisible();
    await expect(page.getByText("waiting for an admin to confirm you")).toBeVisible();
  }
  const techPhrase = await fingerprintOf(tech);
  const adminPhrase = await fingerprintOf(admin2);

  // The owner confirms both after comparing their fingerprint phrases.
  await owner.goto(`${providerUrl}/members?filter=accepted`);
  await owner.getByLabel("Select all members").check();
  await owner.getByRole("button", { name: "Confirm selected" }).click();
  const confirm = owner.getByRole("dialog", { name: "Confirm 2 members" });
  await expect(confirm.getByText(techPhrase)).toBeVisible();
  await expect(confirm.getByText(adminPhrase)).toBeVisible();
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm).toBeHidden();
  await owner.goto(`${providerUrl}/members`);
  for (const person of [TECH, ADMIN2])
    await expect(owner.getByRole("row").filter({ hasText: person.email })).toContainText("Confirmed");

  // The owner creates three clients.
  await owner.goto(`${providerUrl}/clients`);
  for (const client of CLIENTS) {
    await owner.getByRole("button", { name: "Add" }).click();
    await owner.getByRole("menuitem", { name: "New client" }).click();
    const create = owner.getByRole("dialog", { name: "New client" });
    await create.getByLabel("Organization name").fill(client.name);
    await create.getByLabel("Client owner email").fill(client.owner);
    await create.getByLabel("Plan").selectOption({ label: "Enterprise" });
    await create.getByLabel("Seats").fill(String(client.seats));
    await create.getByRole("button", { name: "Create client" }).click();
    await expect(create).toBeHidden();
  }
  for (const [client, remaining] of CLIENTS.map((client) => [client, client.seats - 1] as const)) {
    const row = owner.getByRole("row").filter({ has: owner.getByRole("rowheader", { name: client.name }) });
    await expect(row.getByRole("cell")).toHaveText([
      String(client.seats),
      "1",
      String(remaining),
      "Enterprise",
      /Options/,
    ]);
  }

  // Client A's owner is invited in the provider's name, accepts, and waits for confirmation...
  const clientOwner = await newPage(browser);
  const invitation = `Join ${CLIENTS[0]!.name} on Keyhouse`;
  await expect(mailText(clientOwner, CLIENT_OWNER.email, invitation)).resolves.toContain(
    `${PROVIDER} invited you as its owner to the organization ${CLIENTS[0]!.name}, managed by ${PROVIDER}.`,
  );
  await registerFromLink(clientOwner, CLIENT_OWNER, { subject: invitation });
  await clientOwner.getByRole("button", { name: "Accept invitation" }).click();
  await expect(clientOwner.getByRole("heading", { name: "All vaults" })).toBeVisible();
  const clientOwnerPhrase = await fingerprintOf(clientOwner);

  // ...which the provider's admins are told by mail and the clients table shows...
  await expect(
    mailText(owner, OWNER.email, `${CLIENT_OWNER.email} accepted the invitation to ${CLIENTS[0]!.name}`),
  ).resolves.toContain("They need confirmation before they have access");
  await owner.goto(`${providerUrl}/clients`);
  const waiting = owner.getByRole("rowheader", { name: CLIENTS[0]!.name });
  await expect(waiting).toContainText("1 member needs confirmation");
  await expect(owner.getByText("needs confirmation")).toHaveCount(1);

  // ...and the provider's owner confirms them in the client's Admin Console.
  await owner.getByRole("link", { name: CLIENTS[0]!.name }).click();
  await expect(owner.getByText(`Managed by ${PROVIDER}`)).toBeVisible();
  await owner.getByRole("link", { name: "Members" }).click();
  await owner.getByRole("button", { name: `Options for ${CLIENT_OWNER.email}` }).click();
  await owner.getByRole("menuitem", { name: "Confirm" }).click();
  const confirmOwner = owner.getByRole("dialog", { name: `Confirm ${CLIENT_OWNER.email}` });
  await expect(confirmOwner.getByText(clientOwnerPhrase)).toBeVisible();
  await confirmOwner.getByRole("button", { name: "Confirm" }).click();
  await expect(owner.getByRole("row").filter({ hasText: CLIENT_OWNER.email })).toContainText("Confirmed");
  await owner.goto(`${providerUrl}/clients`);
  await expect(owner.getByRole("rowheader", { name: CLIENTS[0]!.name })).toBeVisible();
  await expect(owner.getByText("needs confirmation")).toHaveCount(0);

  // The service user opens that client's Admin Console, and sees nothing reserved to admins.
  await tech.goto("/providers");
  await tech.getByRole("link", { name: PROVIDER }).click();
  await expect(tech.getByRole("heading", { name: "Clients" })).toBeVisible();
  const tabs = tech.getByRole("navigation", { name: "Provider Portal" });
  await expect(tabs.getByRole("link")).toHaveText(["Dashboard", "Clients"]);
  await expect(tech.getByRole("button", { name: "Add" })).toHaveCount(0);
  await tech.getByRole("link", { name: CLIENTS[0]!.name }).click();
  await expect(tech.getByRole("heading", { name: CLIENTS[0]!.name })).toBeVisible();
  await expect(tech.getByText(`Managed by ${PROVIDER}`)).toBeVisible();
  for (const section of ["members", "billing", "settings", "events"]) {
    const response = await tech.goto(`${providerUrl}/${section}`);
    expect(response?.status(), section).toBe(404);
  }
});
