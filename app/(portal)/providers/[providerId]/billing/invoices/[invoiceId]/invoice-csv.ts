import { formatUsd } from "@/components/billing/format";
import { planLabel } from "@/lib/plans";
import type { InvoiceWithItems } from "@/lib/dal/billing";
import { toCsv } from "@/lib/csv";

const INVOICE_COLUMNS = [
  "Client",
  "Id",
  "Assigned",
  "Used",
  "Remaining",
  "Plan",
  "Billed seats",
  "Billed by",
  "Estimated total",
] as const;

/** How each basis reads in the file. */
const BASIS_LABELS: Record<string, string> = {
  peak: "Peak seats (usage ledger)",
  average: "Average seats per day (usage ledger)",
  assigned: "Seats assigned at closing",
};

/**
 * An invoice's client lines as CSV (DESIGN §7): the columns of Bitwarden's provider invoice report, and the seats
 * billed with how they were counted.
 */
export function invoiceCsv(invoice: InvoiceWithItems): string {
  return toCsv(
    INVOICE_COLUMNS,
    invoice.items.map((item) => [
      item.clientName,
      item.organizationId,
      item.assignedSeats,
      item.usedSeats,
      item.remainingSeats,
      planLabel(item.planType),
      item.billedSeats,
      BASIS_LABELS[item.billingBasis] ?? item.billingBasis,
      formatUsd(item.estimatedTotalCents),
    ]),
  );
}
