import { and, eq } from "drizzle-orm";
import { parse } from "papaparse";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as downloadInvoice } from "@/app/(portal)/providers/[providerId]/billing/invoices/[invoiceId]/route";
import ProviderBillingPage from "@/app/(portal)/providers/[providerId]/billing/page";
import { formatUsd } from "@/components/billing/format";
import { getDb } from "@/db/client";
import {
  clientUsageDays,
  events,
  organizations,
  providerInvoiceItems,
  providerInvoices,
  providerOrganizations,
  providerPlans,
  providers,
} from "@/db/schema";
import { requireProviderScope } from "@/lib/authz/scope";
import { seatPriceCents } from "@/lib/server/config";
import { getBillingSummary, getInvoiceWithItems, listInvoices } from "@/lib/dal/billing";
import { listEvents } from "@/lib/dal/event-log";
import { defaultDateRange } from "@/lib/events/date-range";
import { closeBillingPeriod } from "@/lib/operator/billing";
import { commandLineContext } from "@/lib/operator/command-context";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { eventFilter } from "../support/event-log";
import { createTestOrganization, createTestProvider, createTestUser, type TestUser } from "../support/factories";
import { FAKE_ENC_2 } from "../support/fakes";
import { respond } from "../support/next";
import { countQueries } from "../support/queries";
import { signInAs } from "../support/session";

const ENTERPRISE = seatPriceCents("enterprise_monthly");
const TEAMS = seatPriceCents("teams_monthly");

type OrganizationPlan = (typeof organizations.$inferInsert)["planType"];

/** Client organizations linked to a provider straight in the database (their keys are placeholders, never opened). */
async function addClients(
  providerId: string,
  clients: { name: string; seats: number; planType?: OrganizationPlan }[],
): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .insert(organizations)
    .values(
      clients.map((client) => ({
        name: client.name,
        billingEmail: "billing@test.example",
        planType: client.planType ?? "enterprise_monthly",
        seats: client.seats,
        status: "managed" as const,
        publicKey: "placeholder-public-key",
        privateKey: FAKE_ENC_2,
      })),
    )
    .returning({ id: organizations.id });
  await db
    .insert(providerOrganizations)
    .values(rows.map((row) => ({ providerId, organizationId: row.id, key: FAKE_ENC_2 })));
  return rows.map((row) => row.id);
}

async function closePeriod(periodStart: string) {
  const db = await getDb();
  return db.transaction((tx) => closeBillingPeriod(commandLineContext(tx), { periodStart }));
}

function getInvoiceCsv(providerId: string, invoiceId: string): Promise<Response> {
  return respond(() =>
    downloadInvoice(new Request(`http://localhost/providers/${providerId}/billing/invoices/${invoiceId}`), {
      params: Promise.resolve({ providerId, invoiceId }),
    }),
  );
}

describe("billing", () => {
  let demo: DemoIds;
  let otherAdmin: TestUser;
  let other: { id: string };

  beforeAll(async () => {
    demo = await loadDemo();
    otherAdmin = await createTestUser({ name: "Other Admin" });
    other = await createTestProvider(otherAdmin);
  });

  async function demoScope() {
    await signInAs(demo.users.admin);
    return requireProviderScope(demo.providerId, "provider.billing.view");
  }

  it("sums the demo clients' seats: 8 allocated under an Enterprise minimum of 10 bills the minimum", async () => {
    const summary = await getBillingSummary(await demoScope());
    expect(summary.plans).toEqual([
      {
        planType: "teams_monthly",
        seatMinimum: 0,
        allocatedSeats: 0,
        purchasedSeats: 0,
        seatPriceCents: TEAMS,
        estimatedCents: 0,
      },
      {
        planType: "enterprise_monthly",
        seatMinimum: 10,
        allocatedSeats: 8,
        purchasedSeats: 0,
        seatPriceCents: ENTERPRISE,
        estimatedCents: 10 * ENTERPRISE,
      },
    ]);
    expect(summary.totalCents).toBe(10 * ENTERPRISE);
  });

  it("shows the figures and, before any period is closed, an empty invoice list", async () => {
    await signInAs(demo.users.admin);
    const page = await ProviderBillingPage({
      params: Promise.resolve({ providerId: demo.providerId }),
      searchParams: Promise.resolve({}),
    });
    const html = renderToStaticMarkup(page);
    expect(html).toContain("Purchased above the minimum");
    expect(html).toContain(formatUsd(10 * ENTERPRISE));
    expect(html).toContain("Invoices appear after a billing period is closed.");
  });

  it("bills every allocated seat once clients have more than the minimum", async () => {
    const db = await getDb();
    await db.update(organizations).set({ seats: 7 }).where(eq(organizations.id, demo.client1));
    try {
      const summary = await getBillingSummary(await demoScope());
      expect(summary.plans[1]).toMatchObject({
        seatMinimum: 10,
        allocatedSeats: 12,
        purchasedSeats: 2,
        estimatedCents: 12 * ENTERPRISE,
      });
      expect(summary.totalCents).toBe(12 * ENTERPRISE);
    } finally {
      await db.update(organizations).set({ seats: 3 }).where(eq(organizations.id, demo.client1));
    }
  });

  it("maps monthly and annual organization plans to the provider's plans and leaves free organizations out", async () => {
    const admin = await createTestUser();
    const provider = await createTestProvider(admin, "Mapping MSP");
    const db = await getDb();
    await db.insert(providerPlans).values({ providerId: provider.id, planType: "teams_monthly", seatMinimum: 5 });
    await addClients(provider.id, [
      { name: "Teams yearly", seats: 2, planType: "teams_annually" },
      { name: "Teams monthly", seats: 1, planType: "teams_monthly" },
      { name: "Enterprise yearly", seats: 4, planType: "enterprise_annually" },
      { name: "Free", seats: 3, planType: "free" },
    ]);
    await signInAs(admin.id);
    const summary = await getBillingSummary(await requireProviderScope(provider.id, "provider.billing.view"));
    expect(summary.plans).toMatchObject([
      { planType: "teams_monthly", seatMinimum: 5, allocatedSeats: 3, purchasedSeats: 0, estimatedCents: 5 * TEAMS },
      // No plan row: a minimum of 0.
      {
        planType: "enterprise_monthly",
        seatMinimum: 0,
        allocatedSeats: 4,
        purchasedSeats: 4,
        estimatedCents: 4 * ENTERPRISE,
      },
    ]);
    expect(summary.totalCents).toBe(5 * TEAMS + 4 * ENTERPRISE);
  });

  describe("closing a period", () => {
    let invoiceId: string;

    it("writes one invoice per provider with clients, one line per client, and an event", async () => {
      const before = await getDb().then((db) => db.select({ id: providerInvoices.id }).from(providerInvoices));
      expect(before).toEqual([]);
      const result = await closePeriod("2026-10-01");
      const db = await getDb();
      // Demo MSP and the mapping test's provider have clients; the other provider has none and gets no invoice.
      expect(result.written.map((invoice) => invoice.providerId)).toContain(demo.providerId);
      expect(result.written.map((invoice) => invoice.providerId)).not.toContain(other.id);
      expect(result.existing).toBe(0);

      const [invoice] = await db
        .select()
        .from(providerInvoices)
        .where(eq(providerInvoices.providerId, demo.providerId));
      expect(invoice).toMatchObject({
        number: `KH-2026-10-${demo.providerId.slice(0, 8)}`,
        periodStart: "2026-10-01",
        periodEnd: "2026-10-31",
        totalCents: 10 * ENTERPRISE,
      });
      invoiceId = invoice!.id;
      const items = await db
        .select({
          clientName: providerInvoiceItems.clientName,
          organizationId: providerInvoiceItems.organizationId,
          planType: providerInvoiceItems.planType,
          assignedSeats: providerInvoiceItems.assignedSeats,
          usedSeats: providerInvoiceItems.usedSeats,
          seatPriceCents: providerInvoiceItems.seatPriceCents,
          estimatedTotalCents: providerInvoiceItems.estimatedTotalCents,
        })
        .from(providerInvoiceItems)
        .where(eq(providerInvoiceItems.invoiceId, invoiceId))
        .orderBy(providerInvoiceItems.clientName);
      const line = (clientName: string, organizationId: string, assignedSeats: number, usedSeats: number) => ({
        clientName,
        organizationId,
        planType: "enterprise_monthly",
        assignedSeats,
        usedSeats,
        seatPriceCents: ENTERPRISE,
        estimatedTotalCents: assignedSeats * ENTERPRISE,
      });
      expect(items).toEqual([
        line("My Client's Organization", demo.client1, 3, 2),
        line("Second Client's Organization", demo.client2, 3, 1),
        line("Third Client's Organization", demo.client3, 2, 1),
      ]);

      const recorded = await db
        .select()
        .from(events)
        .where(and(eq(events.providerId, demo.providerId), eq(events.type, "provider_invoice_created")));
      expect(recorded).toMatchObject([
        {
          actingUserId: null,
          device: "operator command",
          details: { number: invoice!.number, periodStart: "2026-10-01", totalCents: 10 * ENTERPRISE },
        },
      ]);
    });

    it("changes nothing when the same period is closed again", async () => {
      const before = await databaseSnapshot();
      const result = await closePeriod("2026-10-01");
      expect(result.written).toEqual([]);
      expect(result.existing).toBeGreaterThanOrEqual(1);
      expect(await databaseSnapshot()).toEqual(before);
    });

    it("makes a provider it invoices billable", async () => {
      const admin = await createTestUser();
      const provider = await createTestProvider(admin, "Newly Billed MSP");
      await addClients(provider.id, [{ name: "First client", seats: 4, planType: "teams_monthly" }]);
      const db = await getDb();
      const statusOf = async () =>
        (await db.select({ status: providers.status }).from(providers).where(eq(providers.id, provider.id)))[0]?.status;
      expect(await statusOf()).toBe("created");
      const result = await closePeriod("2026-09-01");
      expect(result.written.find((invoice) => invoice.providerId === provider.id)).toMatchObject({
        totalCents: 4 * TEAMS,
      });
      expect(await statusOf()).toBe("billable");
    });

    it("writes one invoice per provider when two runs close the same period at once", async () => {
      const runs = await Promise.all([closePeriod("2026-07-01"), closePeriod("2026-07-01")]);
      const demoInvoices = runs
        .flatMap((run) => run.written)
        .filter((invoice) => invoice.providerId === demo.providerId);
      expect(demoInvoices).toHaveLength(1);
      const db = await getDb();
      const stored = await db
        .select({ id: providerInvoices.id })
        .from(providerInvoices)
        .where(and(eq(providerInvoices.providerId, demo.providerId), eq(providerInvoices.periodStart, "2026-07-01")));
      expect(stored).toHaveLength(1);
    });

    it("refuses a period that does not start on the first of a month", async () => {
      await expect(closePeriod("2026-10-15")).rejects.toThrow("A billing period starts on the first of a month");
    });

    it("lists the invoice for its provider only", async () => {
      const page = await listInvoices(await demoScope(), 1);
      expect(page.invoices.map((invoice) => invoice.periodStart)).toEqual(["2026-10-01", "2026-09-01", "2026-07-01"]);
      expect(page.total).toBe(3);
      await signInAs(otherAdmin.id);
      const otherScope = await requireProviderScope(other.id, "provider.billing.view");
      expect((await listInvoices(otherScope, 1)).invoices).toEqual([]);
      expect(await getInvoiceWithItems(otherScope, invoiceId)).toBeNull();
    });

    it("answers 404 for another provider's invoice, an unknown one and a malformed id", async () => {
      await signInAs(otherAdmin.id);
      // Through the other provider's own portal: the tenant condition in the read finds nothing.
      expect((await getInvoiceCsv(other.id, invoiceId)).status).toBe(404);
      // Through Demo MSP's portal: the other admin is no member there.
      expect((await getInvoiceCsv(demo.providerId, invoiceId)).status).toBe(404);
      await signInAs(demo.users.admin);
      expect((await getInvoiceCsv(demo.providerId, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
      expect((await getInvoiceCsv(demo.providerId, "not-an-id")).status).toBe(404);
      // Billing is for provider admins: a service user gets the same 404.
      await signInAs(demo.users.tech);
      expect((await getInvoiceCsv(demo.providerId, invoiceId)).status).toBe(404);
    });

    it("downloads the invoice as CSV with exactly the expected header and rows", async () => {
      await signInAs(demo.users.admin);
      const response = await getInvoiceCsv(demo.providerId, invoiceId);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="KH-2026-10-${demo.providerId.slice(0, 8)}.csv"`,
      );
      const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
      expect((await response.text()).split("\r\n")).toEqual([
        "Client,Id,Assigned,Used,Remaining,Plan,Billed seats,Billed by,Estimated total",
        // No usage ledger day in the period: each client is billed its seats at closing.
        `My Client's Organization,${demo.client1},3,2,1,Enterprise,3,Seats assigned at closing,${money(3 * ENTERPRISE)}`,
        `Second Client's Organization,${demo.client2},3,1,2,Enterprise,3,Seats assigned at closing,${money(3 * ENTERPRISE)}`,
        `Third Client's Organization,${demo.client3},2,1,1,Enterprise,2,Seats assigned at closing,${money(2 * ENTERPRISE)}`,
      ]);
    });

    it("neutralises client names that a spreadsheet would run as formulas", async () => {
      const admin = await createTestUser();
      const provider = await createTestProvider(admin, "Formula MSP");
      const names = ['=HYPERLINK("http://evil.example")', "+1+1", "-2", "@SUM(A1)", "Plain, Inc."];
      await addClients(
        provider.id,
        names.map((name) => ({ name, seats: 1 })),
      );
      await closePeriod("2026-08-01");
      const db = await getDb();
      const [invoice] = await db
        .select({ id: providerInvoices.id })
        .from(providerInvoices)
        .where(eq(providerInvoices.providerId, provider.id));
      await signInAs(admin.id);
      const response = await getInvoiceCsv(provider.id, invoice!.id);
      const rows = parse<string[]>(await response.text(), { skipEmptyLines: true }).data;
      expect(rows[0]).toEqual([
        "Client",
        "Id",
        "Assigned",
        "Used",
        "Remaining",
        "Plan",
        "Billed seats",
        "Billed by",
        "Estimated total",
      ]);
      expect(
        rows
          .slice(1)
          .map((row) => row[0])
          .sort(),
      ).toEqual(['\'=HYPERLINK("http://evil.example")', "'+1+1", "'-2", "'@SUM(A1)", "Plain, Inc."].sort());
    });
  });

  it("writes every line of a provider with more clients than one insert batch holds", async () => {
    const admin = await createTestUser();
    const provider = await createTestProvider(admin, "Large MSP");
    await addClients(
      provider.id,
      Array.from({ length: 1001 }, (_, index) => ({ name: `Client ${index}`, seats: 1 })),
    );
    await closePeriod("2026-06-01");
    const db = await getDb();
    const [invoice] = await db.select().from(providerInvoices).where(eq(providerInvoices.providerId, provider.id));
    expect(invoice?.totalCents).toBe(1001 * ENTERPRISE);
    const items = await db
      .select({ id: providerInvoiceItems.id })
      .from(providerInvoiceItems)
      .where(eq(providerInvoiceItems.invoiceId, invoice!.id));
    expect(items).toHaveLength(1001);
  });

  describe("query budgets (no N+1)", () => {
    it("reads the billing summary with as many queries for 60 clients as for 3", async () => {
      const admin = await createTestUser();
      const provider = await createTestProvider(admin, "Budget MSP");
      await signInAs(admin.id);
      const scope = await requireProviderScope(provider.id, "provider.billing.view");
      await addClients(
        provider.id,
        Array.from({ length: 3 }, (_, index) => ({ name: `Client ${index}`, seats: 1 })),
      );
      const few = await countQueries(() => getBillingSummary(scope));
      await addClients(
        provider.id,
        Array.from({ length: 57 }, (_, index) => ({
          name: `More ${index}`,
          seats: 2,
          planType: "teams_monthly" as const,
        })),
      );
      const many = await countQueries(() => getBillingSummary(scope));
      expect(few).toBeLessThanOrEqual(2);
      expect(many).toBe(few);
      expect((await getBillingSummary(scope)).plans.map((plan) => plan.allocatedSeats)).toEqual([114, 3]);
    });

    it("reads a page of events with as many queries for 60 events as for 3", async () => {
      const admin = await createTestUser();
      const provider = await createTestProvider(admin, "Busy MSP");
      const [client] = await addClients(provider.id, [{ name: "Busy client", seats: 1 }]);
      await signInAs(admin.id);
      const scope = await requireProviderScope(provider.id, "provider.events.view");
      const range = defaultDateRange(new Date());
      const db = await getDb();
      const addEvents = (n: number) =>
        db.insert(events).values(
          Array.from({ length: n }, (_, index) => ({
            type: "provider_organization_updated",
            providerId: provider.id,
            organizationId: client,
            actingUserId: index % 2 ? admin.id : null,
          })),
        );
      await addEvents(3);
      const few = await countQueries(() => listEvents(scope, eventFilter(range), null));
      await addEvents(57);
      const many = await countQueries(() => listEvents(scope, eventFilter(range), null));
      expect(few).toBeLessThanOrEqual(2);
      expect(many).toBe(few);
      expect((await listEvents(scope, eventFilter(range), null)).rows).toHaveLength(50);
    });
  });

  describe("billing from the usage ledger", () => {
    /** A provider with one client of 10 seats now, whose ledger says 4 seats the first half of November, then 6. */
    async function providerWithLedger(name: string, basis: "peak" | "average") {
      const admin = await createTestUser();
      const provider = (await createTestProvider(admin, name)).id;
      const organizationId = await createTestOrganization(`${name} Client`, await createTestUser(), 10);
      const db = await getDb();
      await db.update(providers).set({ billingBasis: basis }).where(eq(providers.id, provider));
      await db.insert(providerOrganizations).values({ providerId: provider, organizationId, key: FAKE_ENC_2 });
      await db.insert(clientUsageDays).values(
        Array.from({ length: 30 }, (_, index) => ({
          providerId: provider,
          organizationId,
          clientName: `${name} Client`,
          day: `2026-11-${String(index + 1).padStart(2, "0")}`,
          seatsAssigned: index < 15 ? 4 : 6,
          seatsUsed: 1,
        })),
      );
      return provider;
    }

    async function lineOf(providerId: string) {
      const db = await getDb();
      const [row] = await db
        .select({
          assigned: providerInvoiceItems.assignedSeats,
          billed: providerInvoiceItems.billedSeats,
          basis: providerInvoiceItems.billingBasis,
          price: providerInvoiceItems.seatPriceCents,
          line: providerInvoiceItems.estimatedTotalCents,
          total: providerInvoices.totalCents,
        })
        .from(providerInvoiceItems)
        .innerJoin(providerInvoices, eq(providerInvoices.id, providerInvoiceItems.invoiceId))
        .where(and(eq(providerInvoices.providerId, providerId), eq(providerInvoices.periodStart, "2026-11-01")));
      return row!;
    }

    it("bills the month's peak or its average per day, by the provider's basis, beside the seats assigned now", async () => {
      const peak = await providerWithLedger("Peak MSP", "peak");
      const average = await providerWithLedger("Average MSP", "average");
      await closePeriod("2026-11-01");

      const byPeak = await lineOf(peak);
      expect(byPeak).toMatchObject({ assigned: 10, billed: 6, basis: "peak" });
      expect(byPeak.line).toBe(6 * byPeak.price);
      expect(byPeak.total).toBe(6 * byPeak.price);

      // 15 days of 4 and 15 of 6 over November's 30 days: 5 seats on average.
      const byAverage = await lineOf(average);
      expect(byAverage).toMatchObject({ assigned: 10, billed: 5, basis: "average" });
      expect(byAverage.total).toBe(5 * byAverage.price);
    });
  });
});
