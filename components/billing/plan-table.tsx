import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { BillingSummary } from "@/lib/dal/billing";
import { planLabel } from "@/lib/plans";
import { formatUsd } from "./format";

const number = new Intl.NumberFormat("en-US");

/** Seats and the monthly estimate per plan, with the total in the footer. */
export function PlanTable({ summary }: { summary: BillingSummary }) {
  return (
    <Table caption="Seats and estimated monthly cost per plan">
      <THead>
        <TH>Plan</TH>
        <TH align="right">Seat minimum</TH>
        <TH align="right">Allocated</TH>
        <TH align="right">Purchased above the minimum</TH>
        <TH align="right">Price per seat per month</TH>
        <TH align="right">Estimated monthly cost</TH>
      </THead>
      <TBody>
        {summary.plans.map((plan) => (
          <TR key={plan.planType}>
            <RowHeader>{planLabel(plan.planType)}</RowHeader>
            <TD align="right" className="tabular-nums">
              {number.format(plan.seatMinimum)}
            </TD>
            <TD align="right" className="tabular-nums">
              {number.format(plan.allocatedSeats)}
            </TD>
            <TD align="right" className="tabular-nums">
              {number.format(plan.purchasedSeats)}
            </TD>
            <TD align="right" className="tabular-nums">
              {formatUsd(plan.seatPriceCents)}
            </TD>
            <TD align="right" className="tabular-nums">
              {formatUsd(plan.estimatedCents)}
            </TD>
          </TR>
        ))}
      </TBody>
      <tfoot className="border-t border-slate-200 bg-slate-50">
        <tr>
          <RowHeader align="right" colSpan={5} className="font-semibold">
            Total estimated monthly cost
          </RowHeader>
          <TD align="right" className="font-semibold tabular-nums">
            {formatUsd(summary.totalCents)}
          </TD>
        </tr>
      </tfoot>
    </Table>
  );
}
