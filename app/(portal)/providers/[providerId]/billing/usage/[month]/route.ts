import { notFound } from "next/navigation";
import { requireProviderScope } from "@/lib/authz/scope";
import { averageSeats, daysIn } from "@/lib/dal/operator-billing";
import { listPeriodUsage } from "@/lib/dal/usage-ledger";
import { csvResponse, toCsv } from "@/lib/csv";
import { monthPeriod } from "@/lib/operator/billing";

export const dynamic = "force-dynamic";

const USAGE_COLUMNS = [
  "Client",
  "Id",
  "Days recorded",
  "Peak seats assigned",
  "Average seats assigned",
  "Peak seats used",
] as const;

/**
 * A month's usage from the ledger as CSV (`/billing/usage/2026-11`): a row per client, with its peak and its seats
 * averaged over the month's days, the two figures an invoice may bill. Not a month: a 404, as a foreign tenant.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ providerId: string; month: string }> }) {
  const { providerId, month } = await params;
  const scope = await requireProviderScope(providerId, "provider.billing.view");
  const period = monthPeriod(month);
  if (!period) notFound();
  const days = daysIn(period);
  const rows = await listPeriodUsage(scope, period);
  return csvResponse(
    `usage-${period.month}.csv`,
    toCsv(
      USAGE_COLUMNS,
      rows.map((row) => [
        row.clientName,
        row.organizationId,
        row.days,
        row.peakAssigned,
        averageSeats(row.seatDays, days),
        row.peakUsed,
      ]),
    ),
  );
}
