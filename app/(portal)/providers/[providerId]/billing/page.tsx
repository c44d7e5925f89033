import type { Metadata } from "next";
import { InvoiceTable } from "@/components/billing/invoice-table";
import { PlanTable } from "@/components/billing/plan-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { requireProviderScope } from "@/lib/authz/scope";
import { getBillingSummary, INVOICES_PER_PAGE, listInvoices } from "@/lib/dal/billing";

export const metadata: Metadata = { title: "Billing" };

/** This month and the two before it (UTC), as YYYY-MM: the usage CSVs the page offers. */
function recentMonths(now: Date): string[] {
  return [0, 1, 2].map((back) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7),
  );
}

export default async function ProviderBillingPage({
  params,
  searchParams,
}: {
  params: Promise<{ providerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { providerId } = await params;
  const scope = await requireProviderScope(providerId, "provider.billing.view");
  const page = pageParam((await searchParams).page);
  const [summary, { invoices, total }] = await Promise.all([getBillingSummary(scope), listInvoices(scope, page)]);
  const base = `/providers/${scope.providerId}/billing`;
  return (
    <>
      <PageHeader
        title="Billing"
        description="Seats your clients are assigned, what they cost per month, and your invoices."
      />
      <section aria-labelledby="plans-heading" className="mb-10">
        <h2 id="plans-heading" className="mb-1 text-lg font-semibold">
          Plans and seats
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Allocated seats are the seats assigned to your clients on each plan today. Each plan is billed for its seat
          minimum, or for all billed seats when there are more.{" "}
          {summary.billingBasis === "peak"
            ? "Invoices bill each client's peak seats of the month: the most it was assigned on any day."
            : "Invoices bill each client's seats averaged over the month's days: a client there half the month counts half."}{" "}
          The usage ledger records the seats of every client each day; each invoice line says how its seats were
          counted.
        </p>
        <PlanTable summary={summary} />
      </section>
      <section aria-labelledby="usage-heading" className="mb-10">
        <h2 id="usage-heading" className="mb-1 text-lg font-semibold">
          Usage
        </h2>
        <p className="text-sm text-slate-600">
          Each client&apos;s seats from the usage ledger, per month: days recorded, peak and average seats assigned, and
          peak seats used.{" "}
          {recentMonths(new Date()).map((month, index) => (
            <span key={month}>
              {index > 0 ? " · " : null}
              {/* A plain link: the route answers a file. */}
              <a href={`${base}/usage/${month}`} download className="font-semibold text-brand-700 underline">
                Usage of {month} (CSV)
              </a>
            </span>
          ))}
        </p>
      </section>
      <section aria-labelledby="invoices-heading">
        <h2 id="invoices-heading" className="mb-3 text-lg font-semibold">
          Invoices
        </h2>
        {invoices.length > 0 ? (
          <InvoiceTable invoices={invoices} csvHref={(invoiceId) => `${base}/invoices/${invoiceId}`} />
        ) : page > 1 ? (
          <EmptyState title="This page is past the last one.">
            Go back to the first page to see your newest invoices.
          </EmptyState>
        ) : (
          <EmptyState title="No invoices yet.">Invoices appear after a billing period is closed.</EmptyState>
        )}
        <Pagination
          page={page}
          pageSize={INVOICES_PER_PAGE}
          total={total}
          href={(target) => (target > 1 ? `${base}?page=${target}` : base)}
        />
      </section>
    </>
  );
}
