import type { InvoiceListItem } from "@/lib/dal/billing";
import { formatPeriod, formatUsd } from "./format";

/** The provider's invoices, each with a link to its client lines as CSV. */
export function InvoiceTable({ invoices, csvHref }: { invoices: readonly InvoiceListItem[]; csvHref: (invoiceId: string) => string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Invoices, newest first</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-4 py-2 text-left font-semibold text-slate-700">
              Number
            </th>
            <th scope="col" className="px-4 py-2 text-left font-semibold text-slate-700">
              Period
            </th>
            <th scope="col" className="px-4 py-2 text-right font-semibold text-slate-700">
              Total
            </th>
            <th scope="col" className="px-4 py-2 text-right font-semibold text-slate-700">
              <span className="sr-only">Download</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <th scope="row" className="px-4 py-2 text-left font-mono text-xs font-medium">
                {invoice.number}
              </th>
              <td className="px-4 py-2">{formatPeriod(invoice.periodStart, invoice.periodEnd)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatUsd(invoice.totalCents)}</td>
              <td className="px-4 py-2 text-right">
                {/* A plain link: the route answers a file, which client-side navigation cannot show. */}
                <a href={csvHref(invoice.id)} download className="font-semibold text-brand-700 underline">
                  Download CSV<span className="sr-only"> of invoice {invoice.number}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
