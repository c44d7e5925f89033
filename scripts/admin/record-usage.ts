/** `record-usage`: records today in the usage ledger for every client, filling the days no run recorded. */
import { recordUsageOnce } from "@/lib/dal/usage-ledger";

export const usage =
  "record-usage\n      Records today's seats of every client in the usage ledger, and the days missed since each client's last row (the server does it every hour).";

export async function run(): Promise<void> {
  const result = await recordUsageOnce(new Date());
  if (!result) {
    console.log("Another process is recording the usage ledger right now; nothing was done.");
    return;
  }
  console.log(`Usage ledger: ${result.recorded} client days recorded today, ${result.caughtUp} missed days filled.`);
}
