import "server-only";
import { and, asc, count, eq, inArray, ne, notExists, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  organizations,
  providerInvoiceItems,
  providerInvoices,
  providerOrganizations,
  providerPlans,
  providers,
} from "@/db/schema";
import { PROVIDER_PLANS, type ProviderPlan } from "@/lib/enums";
import { isProviderPlan } from "@/lib/plans";
import { seatPriceCents } from "@/lib/server/config";
import { planSummary, providerPlanOf } from "./billing";
import { seatsUsedBy } from "./seats";

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
  const clientsOf = groupByProvider(await listBillableClients(tx, period.start));
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

/** A client's line, frozen as it stands at closing: assigned seats × the plan's price per seat. */
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
    estimatedTotalCents: client.seats * price,
  };
}

function groupByProvider(clients: BillableClient[]): Map<string, BillableClient[]> {
  const groups = new Map<string, BillableClient[]>();
  for (const client of clients) {
    const group = groups.get(client.providerId);
    if (group) group.push(client);
    else groups.set(client.providerId, [client]);
  }
  return groups;
}

type BillableClient = {
  providerId: string;
  organizationId: string;
  name: string;
  planType: ProviderPlan;
  seats: number;
  used: number;
};

/** Every client of every provider not yet invoiced for the period, in one query. */
async function listBillableClients(tx: Executor, periodStart: string): Promise<BillableClient[]> {
  const rows = await tx
    .select({
      providerId: providerOrganizations.providerId,
      organizationId: organizations.id,
      name: organizations.name,
      planType: providerPlanOf,
      seats: organizations.seats,
      used: seatsUsedBy(organizations.id),
    })
    .from(providerOrganizations)
    .innerJoin(organizations, eq(organizations.id, providerOrganizations.organizationId))
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
  return rows.flatMap(({ planType, ...row }) =>
    isProviderPlan(planType) ? [{ ...row, planType, used: Number(row.used) }] : [],
  );
}

function invoiceTotal(clients: BillableClient[], minimums: { planType: string; seatMinimum: number }[]): number {
  return PROVIDER_PLANS.reduce((total, planType) => {
    const allocated = clients
      .filter((client) => client.planType === planType)
      .reduce((sum, client) => sum + client.seats, 0);
    const minimum = minimums.find((plan) => plan.planType === planType)?.seatMinimum ?? 0;
    return total + planSummary(planType, minimum, allocated).estimatedCents;
  }, 0);
}

/** "KH-2026-10-1a2b3c4d": the month and the start of the provider's id, readable on a bank statement. */
function invoiceNumber(period: BillingPeriod, providerId: string): string {
  return `KH-${period.month}-${providerId.slice(0, 8)}`;
}
