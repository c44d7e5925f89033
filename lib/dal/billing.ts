import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  organizations,
  providerInvoiceItems,
  providerInvoices,
  providerOrganizations,
  providerPlans,
  providers,
} from "@/db/schema";
import { assertScope, type ProviderScope } from "@/lib/authz/scope-brand";
import { type BillingBasis, PROVIDER_PLANS, type ProviderPlan } from "@/lib/enums";
import { isProviderPlan, organizationPlansOf } from "@/lib/plans";
import { seatPriceCents } from "@/lib/server/config";
import { uuidSchema } from "@/lib/validation/common";

/** An enum value as an SQL literal (not a parameter): the values are ours, never a caller's. */
const literal = (value: string) => sql.raw(`'${value}'`);

/**
 * The provider plan an organization bills under, in SQL: lib/plans.ts's `providerPlanOf`, built from the same plan
 * families. Plain SQL text without parameters, so it can be grouped by.
 */
export const providerPlanOf = sql<ProviderPlan | null>`(case ${sql.join(
  PROVIDER_PLANS.map(
    (plan) =>
      sql`when ${organizations.planType} in (${sql.join(organizationPlansOf(plan).map(literal), sql`, `)}) then ${literal(plan)}`,
  ),
  sql` `,
)} end)`;

export type PlanSummary = {
  planType: ProviderPlan;
  seatMinimum: number;
  allocatedSeats: number;
  /** Seats allocated above the minimum ("additional seats purchased"). */
  purchasedSeats: number;
  seatPriceCents: number;
  estimatedCents: number;
};

/**
 * The billing math, shared by the Billing page and closing a period: like Bitwarden, a plan bills its seat minimum
 * even when fewer seats are allocated, and every allocated seat above it: max(minimum, allocated) × price.
 */
export function planSummary(planType: ProviderPlan, seatMinimum: number, allocatedSeats: number): PlanSummary {
  const price = seatPriceCents(planType);
  return {
    planType,
    seatMinimum,
    allocatedSeats,
    purchasedSeats: Math.max(0, allocatedSeats - seatMinimum),
    seatPriceCents: price,
    estimatedCents: Math.max(seatMinimum, allocatedSeats) * price,
  };
}

export type BillingSummary = { plans: PlanSummary[]; totalCents: number; billingBasis: BillingBasis };

/**
 * Per plan: minimum, allocated (summed from the clients' seats, not the stored `allocated_seats` column, which
 * nothing keeps current), purchased and the monthly estimate from today's seats, and how invoices count seats from
 * the usage ledger. Two queries however many clients there are.
 */
export async function getBillingSummary(scope: ProviderScope): Promise<BillingSummary> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  const [minimums, allocations] = await Promise.all([
    // The provider's row with each plan row (or one row with none), so its billing basis comes with them.
    db
      .select({
        billingBasis: providers.billingBasis,
        planType: providerPlans.planType,
        seatMinimum: providerPlans.seatMinimum,
      })
      .from(providers)
      .leftJoin(providerPlans, eq(providerPlans.providerId, providers.id))
      .where(eq(providers.id, providerId)),
    db
      .select({ planType: providerPlanOf, seats: sql<number>`coalesce(sum(${organizations.seats}), 0)::int` })
      .from(providerOrganizations)
      .innerJoin(organizations, eq(organizations.id, providerOrganizations.organizationId))
      .where(eq(providerOrganizations.providerId, providerId))
      .groupBy(providerPlanOf),
  ]);
  // A provider without a plan row (not set up by an operator) has a minimum of 0 on it.
  const plans = PROVIDER_PLANS.map((planType) =>
    planSummary(
      planType,
      minimums.find((plan) => plan.planType === planType)?.seatMinimum ?? 0,
      Number(allocations.find((allocation) => allocation.planType === planType)?.seats ?? 0),
    ),
  );
  return {
    plans,
    totalCents: plans.reduce((sum, plan) => sum + plan.estimatedCents, 0),
    billingBasis: minimums[0]?.billingBasis ?? "peak",
  };
}

export const INVOICES_PER_PAGE = 20;

export type InvoiceListItem = {
  id: string;
  number: string;
  periodStart: string;
  periodEnd: string;
  totalCents: number;
};
export type InvoicePage = { invoices: InvoiceListItem[]; page: number; total: number };

/** One page of the provider's invoices, newest period first, and how many there are (two queries). */
export async function listInvoices(scope: ProviderScope, page: number): Promise<InvoicePage> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  const [invoices, [counted]] = await Promise.all([
    db
      .select({
        id: providerInvoices.id,
        number: providerInvoices.number,
        periodStart: providerInvoices.periodStart,
        periodEnd: providerInvoices.periodEnd,
        totalCents: providerInvoices.totalCents,
      })
      .from(providerInvoices)
      .where(eq(providerInvoices.providerId, providerId))
      .orderBy(desc(providerInvoices.periodStart), desc(providerInvoices.createdAt))
      .limit(INVOICES_PER_PAGE)
      .offset((page - 1) * INVOICES_PER_PAGE),
    db.select({ value: count() }).from(providerInvoices).where(eq(providerInvoices.providerId, providerId)),
  ]);
  return { invoices, page, total: Number(counted?.value ?? 0) };
}

export type InvoiceItem = {
  clientName: string;
  organizationId: string;
  planType: ProviderPlan;
  assignedSeats: number;
  usedSeats: number;
  remainingSeats: number;
  seatPriceCents: number;
  /** How the seats billed were counted: "peak" or "average" from the usage ledger, or "assigned" at closing. */
  billingBasis: string;
  billedSeats: number;
  estimatedTotalCents: number;
};

export type InvoiceWithItems = InvoiceListItem & { items: InvoiceItem[] };

/**
 * An invoice of the scope's provider with its client lines, or null. The provider condition is in the same
 * statement as the read, so another provider's invoice id (or no valid id at all) finds nothing.
 */
export async function getInvoiceWithItems(scope: ProviderScope, invoiceId: unknown): Promise<InvoiceWithItems | null> {
  const { providerId } = assertScope(scope);
  const id = uuidSchema.safeParse(invoiceId);
  if (!id.success) return null;
  const db = await getDb();
  const rows = await db
    .select({
      invoice: {
        id: providerInvoices.id,
        number: providerInvoices.number,
        periodStart: providerInvoices.periodStart,
        periodEnd: providerInvoices.periodEnd,
        totalCents: providerInvoices.totalCents,
      },
      item: {
        clientName: providerInvoiceItems.clientName,
        organizationId: providerInvoiceItems.organizationId,
        planType: providerInvoiceItems.planType,
        assignedSeats: providerInvoiceItems.assignedSeats,
        usedSeats: providerInvoiceItems.usedSeats,
        seatPriceCents: providerInvoiceItems.seatPriceCents,
        billingBasis: providerInvoiceItems.billingBasis,
        billedSeats: providerInvoiceItems.billedSeats,
        estimatedTotalCents: providerInvoiceItems.estimatedTotalCents,
      },
    })
    .from(providerInvoices)
    .leftJoin(providerInvoiceItems, eq(providerInvoiceItems.invoiceId, providerInvoices.id))
    .where(and(eq(providerInvoices.id, id.data), eq(providerInvoices.providerId, providerId)))
    .orderBy(asc(providerInvoiceItems.clientName), asc(providerInvoiceItems.organizationId));
  const [first] = rows;
  if (!first) return null;
  const items = rows.flatMap(({ item }) => (item ? [toInvoiceItem(item)] : []));
  return { ...first.invoice, items };
}

function toInvoiceItem(item: Omit<InvoiceItem, "planType" | "remainingSeats"> & { planType: string }): InvoiceItem {
  // Items are written only by closeBillingPeriod, with a provider plan type; anything else is a broken row.
  if (!isProviderPlan(item.planType)) throw new Error(`invoice item with unknown plan ${item.planType}`);
  return { ...item, planType: item.planType, remainingSeats: item.assignedSeats - item.usedSeats };
}
