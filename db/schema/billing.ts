import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, text, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { providers } from "./providers";

/**
 * One invoice per provider and billing period, written by `npm run admin -- close-billing-period` (running it again
 * for the same period changes nothing: the unique key makes the second run a no-op).
 */
export const providerInvoices = pgTable(
  "provider_invoices",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    number: varchar("number", { length: 64 }).notNull().unique(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    totalCents: integer("total_cents").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("provider_invoices_provider_period").on(t.providerId, t.periodStart),
    check("provider_invoices_period_order", sql`${t.periodEnd} > ${t.periodStart}`),
    check("provider_invoices_total_non_negative", sql`${t.totalCents} >= 0`),
  ],
);

/** A client's line on an invoice, frozen at closing time (the client may be renamed or unlinked later). */
export const providerInvoiceItems = pgTable(
  "provider_invoice_items",
  {
    id: id(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => providerInvoices.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull(),
    clientName: varchar("client_name", { length: 50 }).notNull(),
    planType: text("plan_type").notNull(),
    assignedSeats: integer("assigned_seats").notNull(),
    usedSeats: integer("used_seats").notNull(),
    seatPriceCents: integer("seat_price_cents").notNull(),
    /**
     * The seats billed and how they were counted: "peak" or "average" from the usage ledger, or "assigned" (the seats
     * at closing) for a client without ledger days in the period, and for invoices written before the ledger.
     */
    billingBasis: varchar("billing_basis", { length: 16 }).notNull().default("assigned"),
    billedSeats: numeric("billed_seats", { precision: 12, scale: 2, mode: "number" }).notNull().default(0),
    estimatedTotalCents: integer("estimated_total_cents").notNull(),
  },
  (t) => [
    index("provider_invoice_items_invoice_idx").on(t.invoiceId),
    check("provider_invoice_items_seats", sql`${t.assignedSeats} >= 0 and ${t.usedSeats} >= 0`),
  ],
);
