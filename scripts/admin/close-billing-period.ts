/** `close-billing-period`: one invoice per provider with clients for a past month; running it again changes nothing. */
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { commandLineContext } from "@/lib/operator/command-context";
import type { BillingPeriod } from "@/lib/dal/operator-billing";
import { closeBillingPeriod, monthPeriod, periodHasEnded, previousMonth } from "@/lib/operator/billing";
import { UsageError } from "./usage";

export const usage =
  "close-billing-period [--period YYYY-MM]\n      Writes the month's invoices (default: the previous month, UTC); a month already closed is left as it is.";

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, strict: true, options: { period: { type: "string" } } });
  const now = new Date();
  const period = parsePeriod(values.period ?? previousMonth(now), now);
  const db = await getDb();
  const result = await db.transaction((tx) =>
    closeBillingPeriod(commandLineContext(tx), { periodStart: period.start }),
  );
  console.log(`Closed the billing period ${period.start} to ${period.end}.`);
  console.log(`Invoices written: ${result.written.length}. Invoices that already existed: ${result.existing}.`);
  for (const invoice of result.written) console.log(`  ${invoice.number}`);
}

function parsePeriod(text: string, now: Date): BillingPeriod {
  const period = monthPeriod(text.trim());
  if (!period)
    throw new UsageError(`--period: "${text}" is not a month; write it as YYYY-MM, for example ${previousMonth(now)}.`);
  if (!periodHasEnded(period, now))
    throw new UsageError(`--period: ${period.month} has not ended yet; a month is closed after its last day.`);
  return period;
}
