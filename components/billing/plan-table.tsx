import type { BillingSummary } from "@/lib/dal/billing";
import { formatUsd, planLabel } from "./format";

const HEADERS = ["Plan", "Seat minimum", "Allocated", "Purchased above the minimum", "Price per seat per month", "Estimated monthly cost"];

const number = new Intl.NumberFormat("en-US");

/** Seats and the monthly estimate per plan, with the total in the footer. */
export function PlanTable({ summary }: { summary: BillingSummary }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Seats and estimated monthly cost per plan</caption>
        <thead className="bg-slate-50">
          <tr>
            {HEADERS.map((header, index) => (
              <th key={header} scope="col" className={`px-4 py-2 font-semibold text-slate-700 ${index === 0 ? "text-left" : "text-right"}`}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {summary.plans.map((plan) => (
            <tr key={plan.planType}>
              <th scope="row" className="px-4 py-2 text-left font-medium">
                {planLabel(plan.planType)}
              </th>
              <td className="px-4 py-2 text-right tabular-nums">{number.format(plan.seatMinimum)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{number.format(plan.allocatedSeats)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{number.format(plan.purchasedSeats)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatUsd(plan.seatPriceCents)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatUsd(plan.estimatedCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200 bg-slate-50">
          <tr>
            <th scope="row" colSpan={HEADERS.length - 1} className="px-4 py-2 text-right font-semibold">
              Total estimated monthly cost
            </th>
            <td className="px-4 py-2 text-right font-semibold tabular-nums">{formatUsd(summary.totalCents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
