import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { InvoiceListItem } from "@/lib/dal/billing";
import { formatPeriod, formatUsd } from "./format";

/** The provider's invoices, each with a link to its client lines as CSV. */
export function InvoiceTable({
  invoices,
  csvHref,
}: {
  invoices: readonly InvoiceListItem[];
  csvHref: (invoiceId: string) => string;
}) {
  return (
    <Table caption="Invoices, newest first">
      <THead>
        <TH>Number</TH>
        <TH>Period</TH>
        <TH align="right">Total</TH>
        <TH align="right">
          <span className="sr-only">Download</span>
        </TH>
      </THead>
      <TBody>
        {invoices.map((invoice) => (
          <TR key={invoice.id}>
            <RowHeader className="font-mono text-xs">{invoice.number}</RowHeader>
            <TD>{formatPeriod(invoice.periodStart, invoice.periodEnd)}</TD>
            <TD align="right" className="tabular-nums">
              {formatUsd(invoice.totalCents)}
            </TD>
            <TD align="right">
              {/* A plain link: the route answers a file, which client-side navigation cannot show. */}
              <a href={csvHref(invoice.id)} download className="font-semibold text-brand-700 underline">
                Download CSV<span className="sr-only"> of invoice {invoice.number}</span>
              </a>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
