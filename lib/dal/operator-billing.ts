import "server-only";
import { and, asc, count, eq, inArray, ne, notExists, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  clientUsageDays,
  organizations,
  providerInvoiceItems,
  providerInvoices,
  providerOrganizations,
  providerPlans,
  providers,
} from "@/db/schema";
import { type BillingBasis, PROVIDER_PLANS, type ProviderPlan } from "@/lib/enums";
import { isProviderPlan } from "@/lib/plans";
import { seatPriceCents } from "@/lib/server/config";
import { planSummary, providerPlanOf } from "./billing";
import { seatsUsedBy } from "./seats";
import { groupBy } from "@/lib/group-by";

/** A billing period is one calendar month (UTC), stored as its first and last day (both inclusive). */
export type BillingPeriod = { month: string; start: string; end: string };

export type ClosingResult = {
  written: { invoiceId: string; providerId: string; number: string; totalCents: number }[];
  existing: number;
};

/**
 * Writes the period's invoices and their lines (lib/operator/billing.ts says which), and marks the invoiced
 * providers billable, in the caller's transaction.
 */
export async function writeInvoices(tx: Executor, period: BillingPeriod): Promise<ClosingResult> {
  const [invoiced] = await tx
    .select({ value: count() })
    .from(providerInvoices)
    .where(eq(providerInvoices.periodStart, period.start));
  const existing = Number(invoiced?.value ?? 0);
  const clientsOf = groupBy(await listBillableClients(tx, period), (client) => client.providerId);
  if (clientsOf.size === 0) return { written: [], existing };

  const minimums = await tx
    .select({
      providerId: providerPlans.providerId,
      planType: providerPlans.planType,
      seatMinimum: providerPlans.seatMinimum,
    })
    .from(providerPlans)
    .where(
      inArray(
        providerPlans.providerId,
        tx.selectDistinct({ id: providerOrganizations.providerId }).from(providerOrganizations),
      ),
    );
  const written = await insertInvoices(
    tx,
    [...clientsOf].map(([providerId, clients]) => ({
      providerId,
      number: invoiceNumber(period, providerId),
      periodStart: period.start,
      periodEnd: period.end,
      totalCents: invoiceTotal(
        clients,
        minimums.filter((plan) => plan.providerId === providerId),
      ),
    })),
  );
  await insertInvoiceItems(
    tx,
    written.flatMap((invoice) =>
      (clientsOf.get(invoice.providerId) ?? []).map((client) => invoiceItem(invoice.invoiceId, client)),
    ),
  );
  await tx
    .update(providers)
    .set({ status: "billable" })
    .where(
      and(
        ne(providers.status, "billable"),
        inArray(
          providers.id,
          tx
            .select({ id: providerInvoices.providerId })
            .from(providerInvoices)
            .where(eq(providerInvoices.periodStart, period.start)),
        ),
      ),
    );
  // Invoices a concurrent run wrote first (skipped by the unique key) count as existing too.
  return { written, existing: existing + clientsOf.size - written.length };
}

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const BATCH = 1000;

function batches<T>(rows: T[]): T[][] {
  return Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, index) =>
    rows.slice(index * BATCH, (index + 1) * BATCH),
  );
}

type WrittenInvoice = ClosingResult["written"][number];

/** Inserts the invoices a concurrent run has not written already (the unique key is the last guard); answers those written. */
async function insertInvoices(
  tx: Executor,
  invoices: (typeof providerInvoices.$inferInsert)[],
): Promise<WrittenInvoice[]> {
  const written: WrittenInvoice[] = [];
  for (const batch of batches(invoices)) {
    written.push(
      ...(await tx
        .insert(providerInvoices)
        .values(batch)
        .onConflictDoNothing({ target: [providerInvoices.providerId, providerInvoices.periodStart] })
        .returning({
          invoiceId: providerInvoices.id,
          providerId: providerInvoices.providerId,
          number: providerInvoices.number,
          totalCents: providerInvoices.totalCents,
        })),
    );
  }
  return written;
}

async function insertInvoiceItems(tx: Executor, items: (typeof providerInvoiceItems.$inferInsert)[]): Promise<void> {
  for (const batch of batches(items)) await tx.insert(providerInvoiceItems).values(batch);
}

/** A client's line, frozen at closing: its seats now, and the seats billed (billedSeats) × the plan's price. */
function invoiceItem(invoiceId: string, client: BillableClient): typeof providerInvoiceItems.$inferInsert {
  const price = seatPriceCents(client.planType);
  return {
    invoiceId,
    organizationId: client.organizationId,
    clientName: client.name,
    planType: client.planType,
    assignedSeats: client.seats,
    usedSeats: client.used,
    seatPriceCents: price,
    billingBasis: client.billed.basis,
    billedSeats: client.billed.seats,
    estimatedTotalCents: Math.round(client.billed.seats * price),
  };
}

type BillableClient = {
  providerId: string;
  organizationId: string;
  name: string;
  planType: ProviderPlan;
  seats: number;
  used: number;
  billed: BilledSeats;
};

export type BilledSeats = { basis: BillingBasis | "assigned"; seats: number };

/** The period's days, both ends included. */
export function daysIn(period: BillingPeriod): number {
  return Math.round((Date.parse(period.end) - Date.parse(period.start)) / 86_400_000) + 1;
}

/** Seat-days spread over the period's days, to the hundredth of a seat. */
export function averageSeats(seatDays: number, days: number): number {
  return Math.round((seatDays / days) * 100) / 100;
}

/**
 * The seats an invoice bills for a client: from the usage ledger's days in the period, the most assigned on any day
 * ("peak") or the seat-days over the period's days, to the cent ("average": a client there half the month counts
 * half); a client with no ledger day in the period is billed its seats at closing ("assigned").
 */
export function billedSeats(
  basis: BillingBasis,
  ledger: { peak: number | null; seatDays: number | null },
  seatsNow: number,
  days: number,
): BilledSeats {
  if (ledger.peak === null || ledger.seatDays === null) return { basis: "assigned", seats: seatsNow };
  if (basis === "peak") return { basis, seats: ledger.peak };
  return { basis, seats: averageSeats(ledger.seatDays, days) };
}

/** The client's usage ledger days in the period under this provider, as one SQL aggregate. */
function ledgerOf(period: BillingPeriod, aggregate: "max" | "sum") {
  return sql<number | null>`(select ${sql.raw(aggregate)}(usage.seats_assigned)::int from ${clientUsageDays} usage
    where usage.organization_id = ${organizations.id} and usage.provider_id = ${providerOrganizations.providerId}
      and usage.day between ${period.start}::date and ${period.end}::date)`;
}

/** Every client of every provider not yet invoiced for the period, with its usage ledger figures, in one query. */
async function listBillableClients(tx: Executor, period: BillingPeriod): Promise<BillableClient[]> {
  const periodStart = period.start;
  const days = daysIn(period);
  const rows = await tx
    .select({
      providerId: providerOrganizations.providerId,
      organizationId: organizations.id,
      name: organizations.name,
      planType: providerPlanOf,
      seats: organizations.seats,
      used: seatsUsedBy(organizations.id),
      basis: providers.billingBasis,
      peak: ledgerOf(period, "max"),
      seatDays: ledgerOf(period, "sum"),
    })
    .from(providerOrganizations)
    .innerJoin(organizations, eq(organizations.id, providerOrganizations.organizationId))
    .innerJoin(providers, eq(providers.id, providerOrganizations.providerId))
    .where(
      and(
        sql`${providerPlanOf} is not null`,
        notExists(
          tx
            .select({ one: sql`1` })
            .from(providerInvoices)
            .where(
              and(
                eq(providerInvoices.providerId, providerOrganizations.providerId),
                eq(providerInvoices.periodStart, periodStart),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(providerOrganizations.providerId), asc(organizations.name));
  return rows.flatMap(({ planType, basis, peak, seatDays, ...row }) =>
    isProviderPlan(planType)
      ? [{ ...row, planType, used: Number(row.used), billed: billedSeats(basis, { peak, seatDays }, row.seats, days) }]
      : [],
  );
}

function invoiceTotal(clients: BillableClient[], minimums: { planType: string; seatMinimum: number }[]): number {
  return PROVIDER_PLANS.reduce((total, planType) => {
    const allocated = clients
      .filter((client) => client.planType === planType)
      .reduce((sum, client) => sum + client.billed.seats, 0);
    const minimum = minimums.find((plan) => plan.planType === planType)?.seatMinimum ?? 0;
    // Averages bill fractions of a seat: the plan's figure is rounded to the cent.
    return total + Math.round(planSummary(planType, minimum, allocated).estimatedCents);
  }, 0);
}

/** "KH-2026-10-1a2b3c4d": the month and the start of the provider's id, readable on a bank statement. */
function invoiceNumber(period: BillingPeriod, providerId: string): string {
  return `KH-${period.month}-${providerId.slice(0, 8)}`;
}
