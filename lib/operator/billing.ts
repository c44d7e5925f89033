import "server-only";
import { type BillingPeriod, type ClosingResult, writeInvoices } from "@/lib/dal/operator-billing";
import { queueWebhooksFor } from "@/lib/dal/provider-webhooks";
import { isoDay } from "@/lib/events/date-range";
import type { OperatorContext } from "./providers";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-10" → 2026-10-01 … 2026-10-31; null when the text is no month. */
export function monthPeriod(month: string): BillingPeriod | null {
  const match = MONTH.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  return {
    month,
    start: isoDay(new Date(Date.UTC(year, monthIndex, 1))),
    // Day 0 of the next month is the last day of this one.
    end: isoDay(new Date(Date.UTC(year, monthIndex + 1, 0))),
  };
}

/** The calendar month before `now`'s, in UTC: the period an operator closes by default. */
export function previousMonth(now: Date): string {
  return isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))).slice(0, 7);
}

/** Whether the period's last day is over (in UTC): a period is closed once, after it ends. */
export function periodHasEnded(period: BillingPeriod, now: Date): boolean {
  return period.end < isoDay(now);
}

/**
 * Closes a billing period: every provider with at least one client on a Teams or Enterprise plan gets one invoice,
 * with one line per client (name, id, plan, assigned and used seats now, price, and the seats billed from the usage
 * ledger by the provider's billing basis, peak or average, × price; the seats now when the ledger has no day of the
 * client in the period). The invoice total is max(minimum, billed seats) × price summed
 * over both plans, so a provider below its minimum pays the minimum (the lines then add up to less than the total).
 * Disabled providers are billed too: the period being closed is one they had. Safe to run twice: providers that
 * already have an invoice for the period are skipped, and the unique (provider, period) key is the last guard
 * against a concurrent run. Runs in the caller's transaction; one event per invoice, and their webhooks in one statement.
 */
export async function closeBillingPeriod(
  { tx, record }: OperatorContext,
  { periodStart }: { periodStart: string },
): Promise<ClosingResult> {
  const period = monthPeriod(periodStart.slice(0, 7));
  if (!period || period.start !== periodStart)
    throw new Error(`A billing period starts on the first of a month, not ${periodStart}.`);

  const result = await writeInvoices(tx, period);
  for (const invoice of result.written) {
    await record({
      type: "provider_invoice_created",
      providerId: invoice.providerId,
      details: {
        number: invoice.number,
        periodStart: period.start,
        periodEnd: period.end,
        totalCents: invoice.totalCents,
      },
    });
  }
  await queueWebhooksFor(
    tx,
    "invoice.closed",
    result.written.map((invoice) => ({
      providerId: invoice.providerId,
      data: {
        invoiceId: invoice.invoiceId,
        number: invoice.number,
        periodStart: period.start,
        periodEnd: period.end,
        totalCents: invoice.totalCents,
      },
    })),
  );
  return result;
}
