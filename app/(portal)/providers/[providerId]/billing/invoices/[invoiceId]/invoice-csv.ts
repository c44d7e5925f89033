import { formatUsd } from "@/components/billing/format";
import { planLabel } from "@/lib/plans";
import type { InvoiceWithItems } from "@/lib/dal/billing";
import { toCsv } from "@/lib/csv";

const INVOICE_COLUMNS = ["Client", "Id", "Assigned", "Used", "Remaining", "Plan", "Estimated total"] as const;

/** An invoice's client lines as CSV (DESIGN §7): the columns of Bitwarden's provider invoice report. */
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
      formatUsd(item.estimatedTotalCents),
    ]),
  );
}
