import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  deleteOrganizationAction,
  updateOrganizationSettingsAction,
} from "@/app/(console)/organizations/[organizationId]/settings/info/actions";
import OrganizationInfoPage from "@/app/(console)/organizations/[organizationId]/settings/info/page";
import { ToastProvider } from "@/components/ui/toast";
import { getDb } from "@/db/client";
import {
  ciphers,
  collections,
  events,
  organizations,
  organizationUsers,
  providerOrganizations,
  providerPlans,
} from "@/db/schema";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestUser } from "../support/factories";
import { FAKE_ENC_4 } from "../support/fakes";
import { signInAs } from "../support/session";

// The page's forms use the App Router's router, which only a running app provides; notFound() and the rest stay real.
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => undefined, replace: () => undefined, push: () => undefined }),
}));

async function renderPage(organizationId: string): Promise<string> {
  const element = await OrganizationInfoPage({ params: Promise.resolve({ organizationId }) });
  return renderToStaticMarkup(createElement(ToastProvider, null, element));
}

async function organizationRow(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({ name: organizations.name, billingEmail: organizations.billingEmail })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

async function enterpriseAllocation(providerId: string) {
  const db = await getDb();
  const [plan] = await db
    .select({ allocated: providerPlans.allocatedSeats, purchased: providerPlans.purchasedSeats })
    .from(providerPlans)
    .where(and(eq(providerPlans.providerId, providerId), eq(providerPlans.planType, "enterprise_monthly")));
  return plan;
}

async function eventsOfType(type: string) {
  const db = await getDb();
  return db.select().from(events).where(eq(events.type, type));
}

describe("organization info", () => {
  let demo: DemoIds;
  /** A confirmed Admin of client 1: in the console, but settings and deletion are for owners. */
  let orgAdmin: string;

  beforeAll(async () => {
    demo = await loadDemo();
    const admin = await createTestUser({ name: "Ada Admin" });
    const db = await getDb();
    await db.insert(organizationUsers).values({
      organizationId: demo.client1,
      userId: admin.id,
      email: admin.email,
      type: "admin",
      status: "confirmed",
      key: FAKE_ENC_4,
    });
    orgAdmin = admin.id;
  });

  it("lets the owner rename the organization and change its billing email, with an event", async () => {
    await signInAs(demo.users.owner1);
    const result = await updateOrganizationSettingsAction({
      organizationId: demo.client1,
      name: "  Client One  ",
      billingEmail: "Billing@Client1.example",
    });
    expect(result).toEqual({ ok: true });
    expect(await organizationRow(demo.client1)).toEqual({
      name: "Client One",
      billingEmail: "billing@client1.example",
    });
    expect(await eventsOfType("organization_updated")).toMatchObject([
      {
        organizationId: demo.client1,
        actingUserId: demo.users.owner1,
        providerId: null,
        details: { renamed: true, billingEmailChanged: true },
      },
    ]);
  });

  it("lets the managing provider's members change it too, and logs them with the provider", async () => {
    await signInAs(demo.users.tech);
    expect(
      await updateOrganizationSettingsAction({
        organizationId: demo.client1,
        name: "My Client's Organization",
        billingEmail: "billing@client1.example",
      }),
    ).toEqual({ ok: true });
    expect(await organizationRow(demo.client1)).toEqual({
      name: "My Client's Organization",
      billingEmail: "billing@client1.example",
    });
    const logged = await eventsOfType("organization_updated");
    expect(logged.at(-1)).toMatchObject({
      organizationId: demo.client1,
      actingUserId: demo.users.tech,
      providerId: demo.providerId,
      details: { renamed: true, billingEmailChanged: false },
    });
  });

  it.each([
    ["a plain member", "user1"],
    ["an admin", "orgAdmin"],
    ["another client's owner", "owner2"],
  ] as const)("refuses changes to %s and writes nothing", async (_who, key) => {
    await signInAs(key === "orgAdmin" ? orgAdmin : demo.users[key]);
    const before = await databaseSnapshot();
    const result = await updateOrganizationSettingsAction({
      organizationId: demo.client1,
      name: "Taken over",
      billingEmail: "thief@x.example",
    });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it.each([
    [{ name: "" }, "name", "Enter a name."],
    [{ name: "o".repeat(51) }, "name", "Name must be at most 50 characters."],
    [{ billingEmail: "not an email" }, "billingEmail", "Enter a valid email address."],
    [{ billingEmail: "" }, "billingEmail", "Enter an email address."],
  ])("refuses %j with a field error and writes nothing", async (change, field, message) => {
    await signInAs(demo.users.owner1);
    const before = await databaseSnapshot();
    const result = await updateOrganizationSettingsAction({
      organizationId: demo.client1,
      name: "Fine",
      billingEmail: "fine@x.example",
      ...change,
    });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { [field]: message } });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("shows the form to those who may change it, plain text to the rest, and the danger zone to owners only", async () => {
    await signInAs(demo.users.owner1);
    const owner = await renderPage(demo.client1);
    expect(owner).toContain('name="billingEmail"');
    expect(owner).toContain("Danger zone");
    expect(owner).toContain("Managed by Demo MSP");
    expect(owner).toMatch(/Seats assigned<\/dt><dd[^>]*>3<\/dd>/);
    expect(owner).toMatch(/Seats used<\/dt><dd[^>]*>3<\/dd>/);
    expect(owner).toMatch(/Plan<\/dt><dd[^>]*>Enterprise<\/dd>/);

    await signInAs(demo.users.admin);
    const provider = await renderPage(demo.client1);
    expect(provider).toContain('name="billingEmail"');
    expect(provider).not.toContain("Danger zone");

    await signInAs(orgAdmin);
    const admin = await renderPage(demo.client1);
    expect(admin).not.toContain('name="billingEmail"');
    expect(admin).toMatch(/Billing email<\/dt><dd[^>]*>billing@client1\.example<\/dd>/);
    expect(admin).not.toContain("Danger zone");

    // An organization no provider manages is billed to its billing email.
    await signInAs(demo.users.admin);
    expect(await renderPage(demo.internal)).toMatch(/Billed to [^<]+@/);
  });

  it("refuses deletion to everyone but owners, and writes nothing", async () => {
    for (const userId of [demo.users.admin, demo.users.tech, demo.users.user1, orgAdmin, demo.users.owner2]) {
      await signInAs(userId);
      const before = await databaseSnapshot();
      expect(
        await deleteOrganizationAction({ organizationId: demo.client1, confirmName: "My Client's Organization" }),
      ).toMatchObject({ ok: false, code: "not_found" });
      expect(await databaseSnapshot()).toEqual(before);
    }
  });

  it.each([["my client's organization"], ["My Client's Organization "], ["My Client"], [""]])(
    "refuses deletion when the typed name is %j",
    async (typed) => {
      await signInAs(demo.users.owner1);
      const before = await databaseSnapshot();
      const result = await deleteOrganizationAction({ organizationId: demo.client1, confirmName: typed });
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { confirmName: expect.stringMatching(/^Type the organization's name|does not match/) },
      });
      expect(await databaseSnapshot()).toEqual(before);
    },
  );

  it("deletes a client with everything in it, keeps its event, and lowers the provider's allocated seats", async () => {
    const db = await getDb();
    expect(await enterpriseAllocation(demo.providerId)).toEqual({ allocated: 8, purchased: 0 });
    const count = async (
      table: typeof organizationUsers | typeof collections | typeof ciphers | typeof providerOrganizations,
    ) =>
      (
        await db
          .select({ organizationId: table.organizationId })
          .from(table)
          .where(eq(table.organizationId, demo.client1))
      ).length;
    expect(await count(organizationUsers)).toBeGreaterThan(0);
    expect(await count(collections)).toBeGreaterThan(0);

    await signInAs(demo.users.owner1);
    expect(
      await deleteOrganizationAction({ organizationId: demo.client1, confirmName: "My Client's Organization" }),
    ).toEqual({ ok: true });

    expect(await organizationRow(demo.client1)).toBeUndefined();
    for (const table of [organizationUsers, collections, ciphers, providerOrganizations])
      expect(await count(table)).toBe(0);
    // 3 + 3 + 2 before, client 2 and client 3 after.
    expect(await enterpriseAllocation(demo.providerId)).toEqual({ allocated: 5, purchased: 0 });
    expect(await eventsOfType("organization_deleted")).toMatchObject([
      {
        organizationId: demo.client1,
        actingUserId: demo.users.owner1,
        providerId: null,
        details: { name: "My Client's Organization" },
      },
    ]);
    // The other clients are untouched.
    expect(await organizationRow(demo.client2)).toMatchObject({ name: "Second Client's Organization" });
  });

  it("deletes an organization no provider manages without touching any plan", async () => {
    const db = await getDb();
    const plansBefore = await db.select().from(providerPlans);
    await signInAs(demo.users.admin);
    expect(await deleteOrganizationAction({ organizationId: demo.internal, confirmName: "Demo MSP Internal" })).toEqual(
      { ok: true },
    );
    expect(await organizationRow(demo.internal)).toBeUndefined();
    expect(await db.select().from(providerPlans)).toEqual(plansBefore);
  });
});
