import { averageSeats, daysIn } from "@/lib/dal/operator-billing";
import { listPeriodUsage } from "@/lib/dal/usage-ledger";
import { monthPeriod } from "@/lib/operator/billing";
import { OPERATIONS } from "@/lib/provider-api/operations";
import { ApiProblem, providerApiRoute } from "@/lib/provider-api/route";

export const dynamic = "force-dynamic";

/** The month's usage from the ledger, as the Billing page's usage CSV gives it. */
export const GET = providerApiRoute(OPERATIONS.getUsage, async ({ scope, query }) => {
  const period = monthPeriod(query.month);
  if (!period) throw new ApiProblem(400, "invalid_input", "Give the month as YYYY-MM.", { month: "Not a month." });
  const days = daysIn(period);
  const rows = await listPeriodUsage(scope, period);
  return {
    month: period.month,
    days,
    clients: rows.map((row) => ({
      clientId: row.organizationId,
      name: row.clientName,
      daysRecorded: row.days,
      peakSeatsAssigned: row.peakAssigned,
      averageSeatsAssigned: averageSeats(row.seatDays, days),
      peakSeatsUsed: row.peakUsed,
    })),
  };
});
